package trends

import (
	"bytes"
	"strings"
	"testing"
)

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{
		"":              0,
		"party":         5,
		"党建":            4,
		"二十大 20th":      11,
		"（一）":           6, // fullwidth brackets
		"G² p":          4,
		"ｗｉｄｅ":          8,
		"e\u0301":       1, // combining accent
		"全面从严治党 strict": 19,
	} {
		if got := DisplayWidth(s); got != want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// column returns the display column where sub starts in line.
func column(line, sub string) int {
	i := strings.Index(line, sub)
	if i < 0 {
		return -1
	}
	return DisplayWidth(line[:i])
}

func TestWriteTextAlignsChinese(t *testing.T) {
	res := &Result{Years: []int{2021, 2022}, MeetingsByYear: map[int]int{2021: 10, 2022: 12},
		Compare: Comparison{Baseline: "halves", Study: []int{2022}, Reference: []int{2021}, Alpha: 0.01}}
	for _, th := range []Trend{
		{ID: "a", LabelZH: "全面从严治党", LabelEN: "strict governance", Trend: "rising"},
		{ID: "b", LabelEN: "Party building", Trend: "falling"},
		{ID: "c", LabelZH: "二十大", LabelEN: "20th Congress", Trend: "steady"},
	} {
		th.DocsByYear = map[int]int{2021: 1, 2022: 5}
		th.ShareByYear = map[int]float64{2021: 10, 2022: 41.7}
		res.Themes = append(res.Themes, th)
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, res, 0); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	want := column(lines[0], "trend")
	for i, tr := range []string{"rising", "falling", "steady"} {
		if got := column(lines[2+i], tr); got != want {
			t.Errorf("row %d: %q at column %d, header at %d:\n%s", i, tr, got, want, buf.String())
		}
		if got, hw := column(lines[2+i], "1 (10.0%)"), column(lines[0], "2021")+4-len("1 (10.0%)"); got != hw {
			t.Errorf("row %d: 2021 cell ends at %d, header at %d:\n%s", i, got, hw, buf.String())
		}
	}
}

func TestWriteAttentionTextAlignsChinese(t *testing.T) {
	a := &Attention{Years: []int{2021, 2022}, MeetingsByYear: map[int]int{2021: 10, 2022: 100},
		Series: []QuerySerie{
			{Query: "述职评议", DocsByYear: map[int]int{2021: 1, 2022: 20}, ShareByYear: map[int]float64{2021: 10, 2022: 20}},
			{Query: "party", DocsByYear: map[int]int{2021: 3, 2022: 5}, ShareByYear: map[int]float64{2021: 30, 2022: 5}},
		}}
	var buf bytes.Buffer
	if err := WriteAttentionText(&buf, a); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	// Right-aligned columns: every row's cells end where the header ends.
	end := column(lines[0], "party") + len("party")
	for _, l := range lines[1:] {
		if DisplayWidth(l) != end {
			t.Errorf("row %q ends at %d, header at %d:\n%s", l, DisplayWidth(l), end, buf.String())
		}
	}
	if c0, c1 := column(lines[1], "1 (10.0%)")+DisplayWidth("1 (10.0%)"), column(lines[0], "述职评议")+DisplayWidth("述职评议"); c0 != c1 {
		t.Errorf("述职评议 column ends at %d in row, %d in header:\n%s", c0, c1, buf.String())
	}
}

func TestWriteContextTextAligns(t *testing.T) {
	lines := []Line{
		{Left: "会议强调要", Match: "述职评议", Right: "工作", Year: 2022, Org: "党委", URL: "u1"},
		{Left: "we must", Match: "review", Right: "the work of", Year: 2021, Org: "Party", URL: "u2"},
		{Left: "党建 and", Match: "党建", Right: "（一）", Year: 2020, Org: "x", URL: "u3"},
	}
	var buf bytes.Buffer
	if err := WriteContextText(&buf, lines); err != nil {
		t.Fatal(err)
	}
	out := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	for _, sub := range []string{"[", "|"} {
		want := column(out[0], sub)
		for i, l := range out {
			if got := column(l, sub); got != want {
				t.Errorf("line %d: %q at column %d, want %d:\n%s", i, sub, got, want, buf.String())
			}
		}
	}
}

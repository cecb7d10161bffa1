package trends

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLocate(t *testing.T) {
	tests := []struct {
		name, text string
		forms      []string
		width      int
		want       []KWIC
	}{
		{"chinese substring", "会议强调，要深入学习贯彻党的二十大精神，推动工作。", []string{"二十大"}, 6,
			[]KWIC{{Left: "学习贯彻党的", Match: "二十大", Right: "精神，推动工作", Offset: 42}}},
		{"english word start and ending", "We must Strengthen and keep strengthening; unstrengthen no.", []string{"strengthen"}, 4,
			[]KWIC{{Left: "We must", Match: "Strengthen", Right: "and keep", Offset: 8},
				{Left: "and keep", Match: "strengthening", Right: "; unstrengthen no", Offset: 28}}},
		{"no match inside a word", "counterparty is not party-building", []string{"party"}, 4,
			[]KWIC{{Left: "is not", Match: "party", Right: "-building", Offset: 20}}},
		{"mixed text", "党建引领 Party building leads 基层治理", []string{"party building"}, 4,
			[]KWIC{{Left: "党建引领", Match: "Party building", Right: "leads 基层", Offset: 13}}},
		{"longest form wins", "全面从严治党永远在路上", []string{"从严", "从严治党"}, 2,
			[]KWIC{{Left: "全面", Match: "从严治党", Right: "永远", Offset: 6}}},
		{"several", "党建，党建；党建", []string{"党建"}, 1,
			[]KWIC{{Left: "", Match: "党建", Right: "，党", Offset: 0}, {Left: "建，", Match: "党建", Right: "；党", Offset: 9}, {Left: "建；", Match: "党建", Right: "", Offset: 18}}},
		{"none", "nothing here", []string{"党建"}, 3, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Locate(tc.text, tc.forms, tc.width)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d matches %+v, want %+v", len(got), got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("match %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestContextAcrossMeetings(t *testing.T) {
	f := plantedIndex()
	lines, err := Context(context.Background(), f, f, "二十大", Filter{From: 2023, Org: "宣传部"}, ContextOptions{Width: 8, Limit: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 7 {
		t.Fatalf("got %d lines, want the limit 7", len(lines))
	}
	for _, l := range lines {
		if l.Match != "二十大" || l.Year != 2023 || l.Org != "宣传部" || !strings.HasPrefix(l.URL, "https://example.org/") || l.Left == "" {
			t.Errorf("bad line %+v", l)
		}
	}
	// English form through Also (cross-lingual theme terms).
	lines, err = Context(context.Background(), f, f, "二十大", Filter{To: 2022}, ContextOptions{Also: []string{"20th Congress"}, PerArticle: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 50 { // 25 meetings in 2022, two forms each
		t.Errorf("got %d lines, want 50", len(lines))
	}
	var buf bytes.Buffer
	if err := WriteContextText(&buf, lines[:2]); err != nil || !strings.Contains(buf.String(), "[二十大]") {
		t.Errorf("text %v: %s", err, buf.String())
	}
	buf.Reset()
	if err := WriteContextCSV(&buf, lines[:1]); err != nil || !strings.HasPrefix(buf.String(), "year,date,org,left,match,right,url,title,id\n2022,") {
		t.Errorf("csv %v: %s", err, buf.String())
	}
	if _, err := Context(context.Background(), f, f, "  ", Filter{}, ContextOptions{}); err != ErrNoTerm {
		t.Errorf("empty term: %v", err)
	}
}

func TestQueryForms(t *testing.T) {
	for q, want := range map[string]string{
		"二十大":                             "二十大",
		`"party building" +grassroots -x`: "party building|grassroots",
		"党建 org:宣传部 year:>=2020 治理^2":     "党建|治理",
		"+org:x":               "org:x",
		`"unterminated phrase`: "unterminated phrase",
	} {
		if got := strings.Join(queryForms(q), "|"); got != want {
			t.Errorf("queryForms(%q) = %q, want %q", q, got, want)
		}
	}
}

func FuzzLocate(f *testing.F) {
	f.Add("会议强调，要深入学习贯彻党的二十大精神", "二十大", 5)
	f.Add("We must strengthen Party building", "strengthen", 3)
	f.Add("İstanbul ǅ straße", "s", 2)
	f.Fuzz(func(t *testing.T, text, form string, width int) {
		if width < 0 || width > 100 {
			return
		}
		for _, f := range queryForms(form) {
			if f == "" && form != "" && strings.TrimSpace(unquote(form)) != "" {
				t.Fatalf("empty form from %q", form)
			}
		}
		for _, m := range Locate(text, []string{form}, width) {
			if m.Offset < 0 || m.Offset+len(m.Match) > len(text) || text[m.Offset:m.Offset+len(m.Match)] != m.Match {
				t.Fatalf("bad offset %+v in %q", m, text)
			}
			before := strings.TrimRightFunc(text[:m.Offset], unicode.IsSpace)
			after := strings.TrimLeftFunc(text[m.Offset+len(m.Match):], unicode.IsSpace)
			if !strings.HasSuffix(before, m.Left) || !strings.HasPrefix(after, m.Right) {
				t.Fatalf("context not adjacent: %+v in %q", m, text)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(m.Left) || !utf8.ValidString(m.Right)) {
				t.Fatalf("context splits a rune: %+v", m)
			}
		}
	})
}

// TestContextWholeTermFirst: a phrase or a Chinese term is located as a
// whole, one line per occurrence; its parts (or theme terms overlapping it)
// only when the whole is absent from an article.
func TestContextWholeTermFirst(t *testing.T) {
	f := &fakeIndex{docs: []fakeDoc{
		{id: "en", url: "https://example.org/en", year: 2023,
			body: "We must pursue high-quality development in every field.\nDevelopment of the branch continues."},
		{id: "zh", url: "https://example.org/zh", year: 2023,
			body: "会议听取了基层党组织书记述职评议情况。\n述职报告已印发。"},
		{id: "parts", url: "https://example.org/parts", year: 2022,
			body: "High-quality work leads to development."},
		{id: "theme", url: "https://example.org/theme", year: 2022,
			body: "各支部书记述职，接受评议。"},
	}}
	also := []string{"书记述职", "述职", "annual review of Party secretaries"}
	tests := []struct {
		name, term string
		also       []string
		want       map[string][]string // article id -> matches in order
	}{
		{"phrase is one line", "high-quality development", nil, map[string][]string{
			"en": {"high-quality development"}, "parts": {"High-quality", "development"}}},
		{"chinese term whole before theme terms", "述职评议", also, map[string][]string{
			"zh": {"述职评议"}}},
		{"quoted phrase", `"high-quality development"`, nil, map[string][]string{
			"en": {"high-quality development"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// One article at a time: the fake index matches word by word.
			q := ""
			var lines []Line
			for _, d := range f.docs {
				one := &fakeIndex{docs: []fakeDoc{d}}
				ls, err := Context(context.Background(), one, one, tc.term, Filter{Query: q}, ContextOptions{Also: tc.also, Width: 4})
				if err != nil {
					t.Fatal(err)
				}
				lines = append(lines, ls...)
			}
			got := map[string][]string{}
			for _, l := range lines {
				got[l.ArticleID] = append(got[l.ArticleID], l.Match)
			}
			for id, want := range tc.want {
				if strings.Join(got[id], "|") != strings.Join(want, "|") {
					t.Errorf("%s: matches %q, want %q", id, got[id], want)
				}
			}
		})
	}
}

func TestLocateLongestFirst(t *testing.T) {
	tests := []struct {
		name, text string
		forms      []string
		want       []string
	}{
		{"equal length: first listed wins", "书记述职评议", []string{"书记述职", "述职评议"}, []string{"书记述职"}},
		{"longest claims first", "书记述职评议", []string{"述职", "述职评议"}, []string{"述职评议"}},
		{"parts elsewhere still found", "述职评议后述职", []string{"述职", "述职评议"}, []string{"述职评议", "述职"}},
		{"phrase over words", "high-quality development and development", []string{"development", "high-quality development"},
			[]string{"high-quality development", "development"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range Locate(tc.text, tc.forms, 2) {
				got = append(got, m.Match)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLocateTiersFallback: theme terms overlapping the term are used only in
// an article where the term itself is absent.
func TestLocateTiersFallback(t *testing.T) {
	tiers := formTiers("述职评议", []string{"书记述职", "述职", "secretaries' review"})
	for _, tc := range []struct {
		body string
		want string
	}{
		{"书记述职评议。\n述职报告。", "述职评议"},
		{"各支部书记述职，接受评议。\n述职报告。", "书记述职|述职"},
		{"secretaries' review held. 述职评议", "secretaries' review|述职评议"},
		{"secretaries' review held.", "secretaries' review"},
	} {
		paras := strings.Split(tc.body, "\n")
		var got []string
		for _, p := range paras {
			for _, m := range locateTiers(paras, p, tiers, 2) {
				got = append(got, m.Match)
			}
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: got %q, want %q", tc.body, got, tc.want)
		}
	}
}

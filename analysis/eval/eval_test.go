package eval

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"meetscan/analysis"
	"meetscan/data"
)

// corpusDir finds ../shared/corpus/dev relative to the module root.
func corpusDir(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for i := 0; i < 6; i++ {
		cand := filepath.Join(dir, "..", "shared", "corpus", "dev")
		if _, err := os.Stat(filepath.Join(cand, "gold.jsonl")); err == nil {
			return cand
		}
		dir = filepath.Dir(dir)
	}
	t.Skip("corpus folder ../shared/corpus/dev not found")
	return ""
}

func TestDevCorpus(t *testing.T) {
	// Guard rails well under the targets: the rules were written while
	// reading these reports, so a regression shows here; the exact figures
	// are in the log and docs/analysis.md.
	checkCorpus(t, corpusDir(t), 0.80, 0.70, 0.80)
}

// TestHeldoutCorpus scores the held-out proxy set (testdata/heldout:
// invented reports written without reading the rules) against the
// issue's targets themselves.
func TestHeldoutCorpus(t *testing.T) {
	checkCorpus(t, filepath.Join("..", "testdata", "heldout"), 0.90, 0.80, 0.90)
}

// checkCorpus analyses and scores dir and fails below the given person F1,
// requirement F1 and date/type/attendance accuracy.
func checkCorpus(t *testing.T, dir string, people, reqs, acc float64) {
	a, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(dir, a)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Write(&b)
	t.Log("\n" + b.String())
	if f := r.Set("people (name)").F1; f < people {
		t.Errorf("person-name F1 %.3f < %.2f", f, people)
	}
	if f := r.Set("requirements (half overlap)").F1; f < reqs {
		t.Errorf("requirement F1 %.3f < %.2f", f, reqs)
	}
	for _, n := range []string{"meeting_date", "meeting_type", "attendance"} {
		if got := r.Acc(n).Accuracy; got < acc {
			t.Errorf("%s accuracy %.3f < %.2f", n, got, acc)
		}
	}
}

func TestHalfOverlap(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"要抓好带头人队伍建设", "要抓好带头人队伍建设，加强培养", true},
		{"要抓好带头人队伍建设", "他强调，要抓好带头人队伍建设；要夯实组织生活制度；要创新支部活动方式；要落实经费", false},
		{"we should study hard", "We should study hard and work", true},
		{"First, it is necessary to learn", "Second, we must work", false},
	}
	for _, tc := range tests {
		if got := HalfOverlap(tc.a, tc.b); got != tc.want {
			t.Errorf("HalfOverlap(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// titledLoader gives the analyzer what a text importer gives it: the first
// line as the title, the rest as the body.
func TestDevCorpusFirstLineAsTitle(t *testing.T) {
	dir := corpusDir(t)
	a, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	golds, err := LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range golds {
		art, err := Article(dir, g)
		if err != nil {
			t.Fatal(err)
		}
		whole := a.Analyze(art)
		lines := strings.SplitN(strings.TrimLeft(art.Body, " \n\u00a0"), "\n", 2)
		if len(lines) < 2 {
			continue
		}
		split := a.Analyze(&data.Article{Title: strings.TrimSpace(lines[0]), Body: lines[1], URL: art.URL})
		if whole.MeetingDate != split.MeetingDate || whole.MeetingType != split.MeetingType || whole.Attendance != split.Attendance ||
			whole.Speaker != split.Speaker || len(whole.People) != len(split.People) || len(whole.Requirements) != len(split.Requirements) || whole.PeriodYear != split.PeriodYear {
			t.Errorf("%s: analysis differs when the first line is the title:\nwhole: %s %s %d %s people=%d reqs=%d period=%d\nsplit: %s %s %d %s people=%d reqs=%d period=%d",
				g.ID, whole.MeetingDate, whole.MeetingType, whole.Attendance, whole.Speaker, len(whole.People), len(whole.Requirements), whole.PeriodYear,
				split.MeetingDate, split.MeetingType, split.Attendance, split.Speaker, len(split.People), len(split.Requirements), split.PeriodYear)
		}
	}
}

// Package eval scores the analyzer against hand-annotated reports: a
// folder of NAME.txt files and gold.jsonl (schema in the corpus'
// SCHEMA.md). Scoring follows the corpus README: people by exact name
// (spaces and case ignored); requirements matched one to one when an item
// and a gold item overlap by at least half of each (character bigrams for
// Chinese, words for English); dates, type, attendance, period year, org
// and speaker by equality (null equals null).
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"meetscan/analysis"
	"meetscan/data"
)

// Gold is one annotated article.
type Gold struct {
	ID           string        `json:"id"`
	URL          *string       `json:"url"`
	Lang         string        `json:"lang"`
	Title        *string       `json:"title"`
	Published    *string       `json:"published"`
	MeetingDate  *string       `json:"meeting_date"`
	PeriodYear   *int          `json:"period_year"`
	Org          *string       `json:"org"`
	MeetingType  string        `json:"meeting_type"`
	Attendance   *int          `json:"attendance"`
	People       []data.Person `json:"people"`
	Speaker      *string       `json:"speaker"`
	Requirements []string      `json:"requirements"`
}

// SetScore is precision/recall over items (people, requirements).
type SetScore struct {
	Name          string
	TP, FP, FN    int
	Precision, F1 float64
	Recall        float64
}

// AccScore is accuracy over articles.
type AccScore struct {
	Name           string
	Correct, Total int
	Accuracy       float64
}

// DocResult lists the differences found in one article.
type DocResult struct {
	ID     string
	Misses []string // human-readable differences
}

// Report is the result of an evaluation run.
type Report struct {
	Dir  string
	Docs int
	Sets []SetScore
	Accs []AccScore
	Per  []DocResult
}

// Set returns the set score with the given name.
func (r Report) Set(name string) SetScore {
	for _, s := range r.Sets {
		if s.Name == name {
			return s
		}
	}
	return SetScore{Name: name}
}

// Acc returns the accuracy score with the given name.
func (r Report) Acc(name string) AccScore {
	for _, a := range r.Accs {
		if a.Name == name {
			return a
		}
	}
	return AccScore{Name: name}
}

// LoadGold reads dir/gold.jsonl.
func LoadGold(dir string) ([]Gold, error) {
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var out []Gold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var g Gold
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return nil, fmt.Errorf("eval: gold.jsonl line %d: %w", n, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Article builds the article the analyzer sees for a gold record: the
// saved text as body and the URL; title and publication date are left for
// the analyzer to find, as they would be for an imported text file.
func Article(dir string, g Gold) (*data.Article, error) {
	b, err := os.ReadFile(filepath.Join(dir, g.ID+".txt"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	art := &data.Article{Body: string(b)}
	if g.URL != nil {
		art.URL = *g.URL
	}
	return art, nil
}

// Run analyses every annotated article of dir and scores the result.
func Run(dir string, a *analysis.Analyzer) (Report, error) {
	golds, err := LoadGold(dir)
	if err != nil {
		return Report{}, err
	}
	r := Report{Dir: dir, Docs: len(golds)}
	people := SetScore{Name: "people (name)"}
	req := SetScore{Name: "requirements (half overlap)"}
	accs := map[string]*AccScore{}
	order := []string{"meeting_date", "meeting_type", "attendance", "period_year", "org", "speaker", "lang"}
	for _, n := range order {
		accs[n] = &AccScore{Name: n}
	}
	for _, g := range golds {
		art, err := Article(dir, g)
		if err != nil {
			return r, err
		}
		an := a.Analyze(art)
		dr := DocResult{ID: g.ID}
		miss := func(f string, args ...any) { dr.Misses = append(dr.Misses, fmt.Sprintf(f, args...)) }

		// People.
		gold := map[string]string{}
		for _, p := range g.People {
			gold[nameKey(p.Name)] = p.Name
		}
		got := map[string]string{}
		for _, p := range an.People {
			got[nameKey(p.Name)] = p.Name
		}
		for k, n := range got {
			if _, ok := gold[k]; ok {
				people.TP++
			} else {
				people.FP++
				miss("person +%s", n)
			}
		}
		for k, n := range gold {
			if _, ok := got[k]; !ok {
				people.FN++
				miss("person -%s", n)
			}
		}

		// Requirements.
		texts := make([]string, len(an.Requirements))
		for i, q := range an.Requirements {
			texts[i] = q.Text
		}
		tp, fps, fns := MatchRequirements(texts, g.Requirements)
		req.TP += tp
		req.FP += len(fps)
		req.FN += len(fns)
		for _, s := range fps {
			miss("req +%s", clip(s))
		}
		for _, s := range fns {
			miss("req -%s", clip(s))
		}

		eq := func(name, want, have string) {
			a := accs[name]
			a.Total++
			if want == have {
				a.Correct++
			} else {
				miss("%s: want %q got %q", name, want, have)
			}
		}
		eq("meeting_date", str(g.MeetingDate), an.MeetingDate)
		eq("meeting_type", g.MeetingType, an.MeetingType)
		eq("attendance", intStr(g.Attendance), intStr(nz(an.Attendance)))
		eq("period_year", intStr(g.PeriodYear), intStr(nz(an.PeriodYear)))
		eq("org", str(g.Org), an.Org)
		eq("speaker", nameKey(str(g.Speaker)), nameKey(an.Speaker))
		eq("lang", g.Lang, an.Lang)
		r.Per = append(r.Per, dr)
	}
	people.finish()
	req.finish()
	r.Sets = []SetScore{people, req}
	for _, n := range order {
		a := accs[n]
		if a.Total > 0 {
			a.Accuracy = float64(a.Correct) / float64(a.Total)
		}
		r.Accs = append(r.Accs, *a)
	}
	return r, nil
}

func (s *SetScore) finish() {
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

func nameKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func nz(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func intStr(p *int) string {
	if p == nil {
		return ""
	}
	return fmt.Sprint(*p)
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// Write prints the per-field table and the per-article differences.
func (r Report) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "evaluation over %s (%d articles)\n\n", r.Dir, r.Docs)
	fmt.Fprintf(bw, "| field | P | R | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|\n")
	for _, s := range r.Sets {
		fmt.Fprintf(bw, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |\n", s.Name, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
	}
	fmt.Fprintf(bw, "\n| field | accuracy | correct/total |\n|---|---|---|\n")
	for _, a := range r.Accs {
		fmt.Fprintf(bw, "| %s | %.3f | %d/%d |\n", a.Name, a.Accuracy, a.Correct, a.Total)
	}
	per := append([]DocResult(nil), r.Per...)
	sort.Slice(per, func(i, j int) bool { return per[i].ID < per[j].ID })
	fmt.Fprintf(bw, "\ndifferences:\n")
	for _, d := range per {
		for _, m := range d.Misses {
			fmt.Fprintf(bw, "  %s: %s\n", d.ID, m)
		}
	}
	return bw.Flush()
}

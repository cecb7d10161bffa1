package scratchtmp

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"meetscan/analysis"
	"meetscan/data"
	"meetscan/data/gen"
)

func TestScratchAnalyze(t *testing.T) {
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := gen.Default(1200, 9)
	themeMiss := map[string]int{}
	themeExtra := map[string]int{}
	typeOK, dateOK, spkOK, attOK, attN := 0, 0, 0, 0, 0
	reqFound, reqTotal, reqExtra := 0, 0, 0
	shown := 0
	confusion := map[string]int{}
	truth, _ := gen.GenerateDocs(cfg, func(d *gen.Doc) error {
		a := d.Article
		a.Normalize()
		an := an.Analyze(a)
		got := map[string]bool{}
		for _, h := range an.Themes {
			got[h.ID] = true
		}
		planted := map[string]bool{}
		for _, id := range d.Themes {
			planted[id] = true
			if !got[id] {
				themeMiss[id]++
			}
		}
		for _, th := range cfg.Themes {
			if got[th.ID] && !planted[th.ID] {
				themeExtra[th.ID]++
			}
		}
		if an.MeetingType == d.Type {
			typeOK++
		} else {
			confusion[d.Type+"->"+an.MeetingType]++
			if d.Type != "other" || an.MeetingType != "promotion" {
				t.Logf("%s->%s: %s | %.200s", d.Type, an.MeetingType, a.Title, a.Body)
			}
		}
		if an.MeetingDate == d.MeetingDate {
			dateOK++
		}
		if an.Speaker == d.Speaker.ZH || an.Speaker == d.Speaker.EN {
			spkOK++
		}
		if d.Attendance > 0 {
			attN++
			if an.Attendance == d.Attendance {
				attOK++
			}
		}
		matched := 0
		for _, it := range d.Items {
			reqTotal++
			for _, r := range an.Requirements {
				if strings.Contains(r.Text, it.Text) || strings.Contains(it.Text, r.Text) && len(r.Text)*2 > len(it.Text) {
					matched++
					break
				}
			}
		}
		reqFound += matched
		if len(an.Requirements) > len(d.Items) {
			reqExtra += len(an.Requirements) - len(d.Items)
			if shown < 4 {
				shown++
				var rs []string
				for _, r := range an.Requirements {
					rs = append(rs, r.Text)
				}
				t.Logf("extra reqs in %s (%s):\n  %s\nBODY %s", a.Lang, d.Type, strings.Join(rs, "\n  "), a.Body)
			}
		}
		_ = data.MeetingTypes
		return nil
	})
	n := truth.Docs
	t.Logf("type %.2f date %.2f speaker %.2f attendance %.2f reqs recall %.2f extra %d", float64(typeOK)/float64(n), float64(dateOK)/float64(n), float64(spkOK)/float64(n), float64(attOK)/float64(attN), float64(reqFound)/float64(reqTotal), reqExtra)
	t.Logf("theme misses %v extra %v", themeMiss, themeExtra)
	var cs []string
	for k, v := range confusion {
		cs = append(cs, fmt.Sprintf("%s:%d", k, v))
	}
	sort.Strings(cs)
	t.Logf("type confusion %v", cs)
}

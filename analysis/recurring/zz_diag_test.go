package recurring

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"meetscan/data/gen"
)

func TestZZDiag(t *testing.T) {
	tok := testTokenizer(t)
	cfg := gen.Default(3000, 7)
	recs, fams := plantedRecords(t, cfg)
	g := New(tok, Options{})
	for _, r := range recs {
		g.Add(r)
	}
	groups, _ := g.Groups(context.Background())
	pred := assign(groups, recs)
	seen := map[string]bool{}
	var lines []string
	for i, r := range recs {
		k := fams[i] + "|" + StripMarker(r.Text)
		if seen[k] || fams[i] == "" || len(fams[i]) > 6 && fams[i][:6] == "theme:" {
			continue
		}
		seen[k] = true
		lines = append(lines, fmt.Sprintf("%s %s %v %s", fams[i], pred[i], r.Themes, StripMarker(r.Text)))
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	for _, c := range g.classes[:0] {
		_ = c
	}
}

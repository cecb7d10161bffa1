package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"meetscan/data"
)

func TestParseQueryString(t *testing.T) {
	tests := []struct {
		in   string
		want string // clauses as occur|field|value|phrase
	}{
		{"述职 评议", "|述职 |评议"},
		{`"党建 工作" -title:会议 +org:某区委`, `|"党建 工作" -title|会议 +org|某区委`},
		{"“全面从严治党”", `|"全面从严治党"`},
		{`person:"Wu Shiwei" year:>=2020`, `person|"Wu Shiwei" year|>=2020`},
		{"http://x.org/a", "|http://x.org/a"},
		{"a:b:c", "a|b:c"},
		{"+ - 党建", "|党建"},
		{"　全角空格　述职", "|全角空格 |述职"},
	}
	for _, tc := range tests {
		cs, err := parseQueryString(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		var parts []string
		for _, c := range cs {
			v := c.value
			if c.phrase {
				v = `"` + v + `"`
			}
			occ := ""
			if c.occur != 0 {
				occ = string(c.occur)
			}
			f := c.field
			if f != "" {
				f += "|"
			} else {
				f = "|"
			}
			parts = append(parts, occ+f+v)
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{`"open`, `title:"open`, `+"x`} {
		if _, err := parseQueryString(bad); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%q: err = %v, want ErrBadQuery", bad, err)
		}
	}
}

func TestParseDateBound(t *testing.T) {
	tests := []struct {
		in       string
		end      bool
		want     string
		wantFail bool
	}{
		{"2023", false, "2023-01-01", false},
		{"2023", true, "2023-12-31", false},
		{"2023-05", true, "2023-05-31", false},
		{"2023/5/31", true, "2023-05-31", false},
		{"2024-02", true, "2024-02-29", false},
		{"2023.12.31", false, "2023-12-31", false},
		{"May 2023", false, "", true},
	}
	for _, tc := range tests {
		got, err := ParseDateBound(tc.in, tc.end)
		if (err != nil) != tc.wantFail {
			t.Errorf("%q: err %v", tc.in, err)
			continue
		}
		if err == nil && (got.Format(time.DateOnly) != tc.want || got.Location() != data.Shanghai) {
			t.Errorf("%q end=%v: got %v, want %s CST", tc.in, tc.end, got, tc.want)
		}
	}
}

func TestPartialMatches(t *testing.T) {
	ix := newTestIndex(t)
	ctx := context.Background()
	// No article has both words; the page is filled with partial matches,
	// Total and facets count none of them.
	res, err := ix.Search(ctx, Request{Query: "乡村振兴 推进会", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || res.Partial != 2 || len(res.Hits) != 2 || !res.Hits[0].Partial || len(res.Facets[FacetYear]) != 0 {
		t.Errorf("got total %d partial %d hits %+v facets %v", res.Total, res.Partial, res.Hits, res.Facets)
	}
	exact, err := ix.Search(ctx, Request{Query: "乡村振兴 推进会", Exact: true})
	if err != nil || len(exact.Hits) != 0 || exact.Partial != 0 {
		t.Errorf("Exact: %+v, %v", exact, err)
	}
	// Excluded words stay excluded from partial matches.
	res, err = ix.Search(ctx, Request{Query: "乡村振兴 推进会 -召开"})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != "noanalysis" {
		t.Errorf("with exclusion: %+v, %v", res.Hits, err)
	}
}

func TestEachPagesAndRecoversSwap(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, Config{AnalyzerVersion: "v"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var docs []Doc
	for i := 0; i < 2100; i++ {
		a := &data.Article{ID: fmt.Sprintf("d%05d", i), Title: "述职评议会", Body: fmt.Sprintf("第%d次会议", i), Published: pub("2023-01-02")}
		docs = append(docs, Doc{Article: a})
	}
	if err := ix.Add(ctx, docs); err != nil {
		t.Fatal(err)
	}
	n, last := 0, ""
	err = ix.Each(ctx, Request{Query: "述职"}, func(h Hit) error {
		if h.ID <= last {
			t.Fatalf("Each not in id order: %s after %s", h.ID, last)
		}
		last = h.ID
		n++
		return nil
	})
	if err != nil || n != 2100 {
		t.Fatalf("Each visited %d, %v", n, err)
	}
	stop := errors.New("stop")
	if err := ix.Each(ctx, Request{}, func(Hit) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Each error = %v", err)
	}
	// Date sort over many hits, both directions, with paging.
	res, err := ix.Search(ctx, Request{Query: "述职", Sort: SortDateAsc, Offset: 2095, Limit: 10})
	if err != nil || res.Total != 2100 || len(res.Hits) != 5 {
		t.Fatalf("date page: %d hits of %d, %v", len(res.Hits), res.Total, err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	// A rebuild killed between its two renames leaves only DIR.old.
	if err := os.Rename(dir, dir+".old"); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir+".new", 0o755); err != nil {
		t.Fatal(err)
	}
	ix = openTest(t, dir, Config{AnalyzerVersion: "v"})
	if c, _ := ix.Count(); c != 2100 {
		t.Errorf("after recovery Count = %d", c)
	}
	if _, err := os.Stat(dir + ".new"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("leftover %s.new: %v", dir, err)
	}
}

// TestConcurrentSearchAdd searches (facets, date sort, partial fill) while
// documents are added and the index is rebuilt; run with -race.
func TestConcurrentSearchAdd(t *testing.T) {
	ix := newTestIndex(t)
	ctx := context.Background()
	done := make(chan error, 1)
	go func() {
		for i := 0; i < 20; i++ {
			d := testDocs()[i%5]
			a := *d.Article
			a.ID = fmt.Sprintf("copy%d", i)
			if err := ix.Add(ctx, []Doc{{Article: &a, Analysis: d.Analysis}}); err != nil {
				done <- err
				return
			}
		}
		src := func(ctx context.Context, yield func(Doc) error) error {
			for _, d := range testDocs() {
				if err := yield(d); err != nil {
					return err
				}
			}
			return nil
		}
		done <- ix.Rebuild(ctx, src, nil)
	}()
	for finished := false; !finished; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			finished = true
		default:
		}
		for _, req := range []Request{{Query: "党建", Facets: true}, {Query: "述职", Sort: SortDate, Facets: true}, {Query: "乡村振兴 推进会"}} {
			if _, err := ix.Search(ctx, req); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n, _ := ix.Count(); n != 6 {
		t.Errorf("after rebuild Count = %d, want 6", n)
	}
}

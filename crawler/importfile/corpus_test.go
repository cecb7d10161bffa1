package importfile_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"meetscan/crawler/importfile"
)

// corpusDir finds /work/shared/corpus/dev relative to this package
// (repo/crawler/importfile -> ../../../shared/corpus).
func corpusDir(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus", "dev")
	if _, err := os.Stat(filepath.Join(dir, "gold.jsonl")); err != nil {
		t.Skip("shared corpus not present")
	}
	return dir
}

// TestCorpusTextImport imports the real reports of the shared corpus as
// .txt files and compares title and publication day with the gold
// annotations. A publication day the gold takes from the URL (absent from
// the text) is not expected.
func TestCorpusTextImport(t *testing.T) {
	dir := corpusDir(t)
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var titles, titleOK, dates, dateOK, wrongDates int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var g struct {
			ID        string  `json:"id"`
			Title     *string `json:"title"`
			Published *string `json:"published"`
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, g.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := importfile.FromText(b)
		if err != nil {
			t.Errorf("%s: %v", g.ID, err)
			continue
		}
		if g.Title != nil {
			titles++
			if a.Title == *g.Title {
				titleOK++
			} else {
				t.Logf("%s: title %q, gold %q", g.ID, a.Title, *g.Title)
			}
		}
		inText := g.Published != nil && strings.Contains(normalizeDigits(string(b)), strings.ReplaceAll(*g.Published, "-", ""))
		if inText {
			dates++
			if a.Published.Date() == *g.Published {
				dateOK++
			} else {
				t.Logf("%s: published %q, gold %q", g.ID, a.Published.Date(), *g.Published)
			}
		}
		if !a.Published.IsZero() && (g.Published == nil || a.Published.Date() != *g.Published) {
			wrongDates++
		}
	}
	t.Logf("titles %d/%d, publication days stated in the text %d/%d, wrong days %d", titleOK, titles, dateOK, dates, wrongDates)
	if titleOK != titles || dateOK != dates || wrongDates != 0 {
		t.Errorf("titles %d/%d, days %d/%d, wrong days %d", titleOK, titles, dateOK, dates, wrongDates)
	}
}

// normalizeDigits keeps only digits, zero-padding single-digit month/day
// groups, so "2018年01月12日" and "2024-1-4" can be compared with gold days.
func normalizeDigits(s string) string {
	var out strings.Builder
	var group []rune
	flush := func() {
		if len(group) == 1 {
			out.WriteRune('0')
		}
		out.WriteString(string(group))
		group = group[:0]
	}
	for _, r := range s {
		if r >= '0' && r <= '9' {
			group = append(group, r)
			continue
		}
		if len(group) > 0 {
			flush()
		}
		if r != '-' && r != '/' && r != '.' && r != '年' && r != '月' && r != '日' {
			out.WriteRune(' ')
		}
	}
	if len(group) > 0 {
		flush()
	}
	return out.String()
}

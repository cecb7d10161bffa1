package analysis

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"meetscan/analysis/segment"
	"meetscan/data"
)

func TestVersionChangesWithDictAndTaxonomy(t *testing.T) {
	base := versionOf("党委书记 50000 n\n", "tax1")
	if v := versionOf("党委书记 50000 n\n新词 100 n\n", "tax1"); v == base {
		t.Error("version did not change with the dictionary")
	}
	if v := versionOf("党委书记 50000 n\n", "tax2"); v == base {
		t.Error("version did not change with the taxonomy")
	}
	if v := versionOf("党委书记 50000 n\n", "tax1"); v != base {
		t.Error("version not deterministic")
	}
}

func TestDataDirTaxonomy(t *testing.T) {
	a := analyzer(t)
	dir := t.TempDir()
	// English-only terms: the dictionary (and so the shared segmenter)
	// stays the same, only the taxonomy changes.
	ext := "themes:\n  - id: rural_revitalisation\n    label_en: Rural revitalisation\n    label_zh: 乡村振兴\n    terms_en: [rural revitalization]\n"
	if err := os.WriteFile(filepath.Join(dir, data.TaxonomyFile), []byte(ext), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := New(Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if b.Version() == a.Version() {
		t.Error("version unchanged after a data-dir taxonomy")
	}
	if _, ok := b.Taxonomy().Theme("rural_revitalisation"); !ok {
		t.Fatal("data-dir theme not merged")
	}
	an := b.Analyze(&data.Article{Body: "He stressed that we should promote rural revitalization."})
	found := false
	for _, h := range an.Themes {
		found = found || h.ID == "rural_revitalisation"
	}
	if !found {
		t.Errorf("data-dir theme not matched: %+v", an.Themes)
	}
	if !strings.HasPrefix(b.UserDict(), a.UserDict()[:20]) {
		t.Error("user dictionary lost the embedded entries")
	}
	if err := os.WriteFile(filepath.Join(dir, data.TaxonomyFile), []byte("themes: [[["), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{DataDir: dir}); err == nil {
		t.Error("broken data-dir taxonomy accepted")
	}
}

func TestAnalyzeEdgeCases(t *testing.T) {
	a := analyzer(t)
	for _, art := range []*data.Article{nil, {}, {Body: "\n\n  \n"}, {Body: "\xff\xfe\xfd 会议\xff召开"}, {Title: "\xff", URL: "::::", Body: "一是"}} {
		an := a.Analyze(art)
		if an == nil || an.Version != a.Version() {
			t.Errorf("Analyze(%+v) = %+v", art, an)
		}
	}
}

// TestConcurrent runs Analyze from several goroutines on the shared
// analyzer; run with -race.
func TestConcurrent(t *testing.T) {
	a := analyzer(t)
	files := []string{"zh_promotion.txt", "zh_trad_democratic.txt", "en_conference.txt", "en_study.txt", "zh_oneline.txt", "zh_study_tricky.txt"}
	want := map[string]string{}
	for _, f := range files {
		want[f] = a.Analyze(readFixture(t, f)).Speaker
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				f := files[(g+i)%len(files)]
				if got := a.Analyze(readFixture(t, f)).Speaker; got != want[f] {
					t.Errorf("%s: speaker %q, want %q", f, got, want[f])
				}
			}
		}()
	}
	wg.Wait()
}

// TestLoadFigures logs the dictionary load time and process RSS (figures
// for docs/analysis.md). Loading a second segmenter costs ~300 MB, so it is
// only done when MEETSCAN_LOAD_FIGURES is set.
func TestLoadFigures(t *testing.T) {
	a := analyzer(t)
	t.Logf("RSS after loading the analyzer: %s", rss())
	if os.Getenv("MEETSCAN_LOAD_FIGURES") == "" {
		t.Skip("set MEETSCAN_LOAD_FIGURES=1 to time a fresh dictionary load")
	}
	runtime.GC()
	t0 := time.Now()
	if _, err := segment.Load(a.UserDict() + "\n# fresh\n"); err != nil {
		t.Fatal(err)
	}
	t.Logf("fresh gse load (user dict + zh_s + zh_t): %v; RSS now %s", time.Since(t0), rss())
}

func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmRSS:"))
		}
	}
	return "unknown"
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"会议由党委书记李友生主持。一是要学习；二是要落实。", "On December 28, Comrade Gu Jian attended. First, we must learn; second, we should act.", "學院黨委召開民主生活會", "\xff\xfe", "One mustA.TwoB.ThreeC", "（一）（二）1.2.首先其次最后"} {
		f.Add(s, "https://example.com/2024/0105/x.html")
	}
	// Load before fuzzing: the first load takes seconds, which the fuzzing
	// engine would report as a hung input.
	a := analyzer(f)
	f.Fuzz(func(t *testing.T, body, url string) {
		an := a.Analyze(&data.Article{Body: body, URL: url, Title: body[:len(body)/3]})
		if an == nil {
			t.Fatal("nil analysis")
		}
	})
}

package recurring

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"
	"time"

	"meetscan/data"
	"meetscan/data/gen"
)

func heapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// BenchmarkRecurring100k groups the requirements of 100,000 generated
// articles (≈270,000 requirements; MEETSCAN_BENCH_DOCS overrides), as
// `requirements --recurring` does after reading them: Add + Groups.
// "planted" uses the generator's wordings (few hundred distinct texts, the
// easy case); "unique" appends a random tail of real words to every
// requirement so that nearly every one is a distinct wording and MinHash,
// LSH and verification run at full scale.
func BenchmarkRecurring100k(b *testing.B) {
	tok := testTokenizer(b)
	n := gen.DocsFromEnv(100000)
	recs, fams := plantedRecords(b, gen.Default(n, 1))
	vocab := []string{"组织", "制度", "责任", "队伍", "基层", "群众", "服务", "项目", "资金", "培训", "考核", "监督", "宣传", "文化", "人才",
		"travel", "budget", "school", "village", "river", "housing", "training", "audit", "archive", "clinic"}
	// "unique-nosynonyms" is "unique" without the synonym map and concept
	// bridge, the baseline for their cost.
	for _, mode := range []string{"planted", "unique", "unique-nosynonyms"} {
		b.Run(mode, func(b *testing.B) {
			in := recs
			if mode != "planted" {
				r := rand.New(rand.NewPCG(1, 2))
				in = make([]Record, len(recs))
				for i, rc := range recs {
					rc.Text = fmt.Sprintf("%s，%s%s%d", rc.Text, vocab[r.IntN(len(vocab))], vocab[r.IntN(len(vocab))], i)
					in[i] = rc
				}
			}
			base := heapMiB()
			var groups []Group
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start, cpu0 := time.Now(), gen.CPUTime().Seconds()
				g := New(tok, Options{NoSynonyms: mode == "unique-nosynonyms"})
				for _, r := range in {
					g.Add(r)
				}
				added := time.Since(start)
				var err error
				groups, err = g.Groups(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				_, words := g.Len()
				b.ReportMetric(float64(len(in)), "requirements")
				b.ReportMetric(float64(words), "wordings")
				b.ReportMetric(added.Seconds(), "add-s")
				b.ReportMetric(time.Since(start).Seconds(), "total-s")
				b.ReportMetric(gen.CPUTime().Seconds()-cpu0, "cpu-s")
				b.ReportMetric(heapMiB()-base, "heap-held-MiB")
				runtime.KeepAlive(g)
			}
			b.StopTimer()
			b.ReportMetric(gen.PeakRSSMiB(), "peak-RSS-MiB")
			if mode == "planted" {
				pred := assign(groups, in)
				p, r := pairScores(pred, fams, func(i int) bool { return !isEnglish(in[i].Text) })
				b.Logf("%d groups; zh pairwise P=%.3f R=%.3f", len(groups), p, r)
			}
		})
	}
}

// BenchmarkFromStore100k is the whole `requirements --recurring` path on a
// real store: 100,000 generated articles with their planted analyses in
// bbolt (built once in MEETSCAN_BENCH_STORE when set, reused there),
// streamed with Store.Each, grouped.
func BenchmarkFromStore100k(b *testing.B) {
	tok := testTokenizer(b)
	n := gen.DocsFromEnv(100000)
	dir := os.Getenv("MEETSCAN_BENCH_STORE")
	if dir == "" {
		dir = b.TempDir()
	}
	st, err := data.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if c, _ := st.Count(); c < n {
		start := time.Now()
		fillStore(b, st, gen.Default(n, 1))
		b.Logf("stored %d articles in %v", n, time.Since(start).Round(time.Millisecond))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start, cpu0 := time.Now(), gen.CPUTime().Seconds()
		groups, err := FromStore(context.Background(), st, tok, Filter{}, Options{MinYears: 2})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "total-s")
		b.ReportMetric(gen.CPUTime().Seconds()-cpu0, "cpu-s")
		b.ReportMetric(float64(len(groups)), "groups")
	}
	b.StopTimer()
	b.ReportMetric(gen.PeakRSSMiB(), "peak-RSS-MiB")
}

// fillStore writes a generated corpus with its planted requirements as the
// analyses (themes tagged as the matcher would).
func fillStore(tb testing.TB, st *data.Store, cfg gen.Config) {
	var arts []*data.Article
	ans := map[string]*data.Analysis{}
	flush := func() {
		if _, err := st.PutArticles(arts); err != nil {
			tb.Fatal(err)
		}
		if err := st.PutAnalyses(ans); err != nil {
			tb.Fatal(err)
		}
		arts, ans = arts[:0], map[string]*data.Analysis{}
	}
	_, err := gen.GenerateDocs(cfg, func(d *gen.Doc) error {
		a := d.Article
		a.Normalize()
		an := &data.Analysis{MeetingDate: d.MeetingDate, Org: d.Org.ZH, MeetingType: d.Type, Speaker: d.Speaker.ZH}
		for _, it := range d.Items {
			an.Requirements = append(an.Requirements, data.Requirement{Text: it.Text, Themes: tagThemes(cfg.Themes, it.Text)})
		}
		arts = append(arts, a)
		ans[a.ID] = an
		if len(arts) == 1000 {
			flush()
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	flush()
}

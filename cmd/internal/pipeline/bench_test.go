package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"meetscan/data"
	"meetscan/data/gen"
	"meetscan/index"
)

// genArticles generates n articles of gen.Default(n, 1) (deterministic) and
// their total text size in bytes.
func genArticles(tb testing.TB, n int) ([]*data.Article, int) {
	tb.Helper()
	var arts []*data.Article
	size := 0
	_, err := gen.Generate(gen.Default(n, 1), func(a *data.Article) error {
		arts = append(arts, a)
		size += len(a.Title) + len(a.Body)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return arts, size
}

// saveBaseline is Save as it was before the ingest work (kept here as the
// same-run baseline): one store transaction for the articles, analysis of
// the whole call on the workers, one transaction for the analyses, then
// Index.Add, each step waiting for the previous one.
func saveBaseline(ctx context.Context, p *Pipeline, arts []*data.Article) ([]data.PutStatus, error) {
	t := time.Now()
	status, err := p.Store.PutArticles(arts)
	p.stats.add(&p.stats.store, t)
	if err != nil {
		return nil, err
	}
	var changed []*data.Article
	for i, st := range status {
		if st == data.Added || st == data.Updated {
			changed = append(changed, arts[i])
		}
	}
	if len(changed) == 0 {
		return status, nil
	}
	t = time.Now()
	analyses := p.analyzeAll(ctx, changed)
	p.stats.add(&p.stats.analyze, t)
	if err := ctx.Err(); err != nil {
		return status, err
	}
	byID := make(map[string]*data.Analysis, len(changed))
	docs := make([]index.Doc, len(changed))
	for i, a := range changed {
		byID[a.ID] = analyses[i]
		docs[i] = index.Doc{Article: a, Analysis: analyses[i]}
	}
	t = time.Now()
	if err := p.Store.PutAnalyses(byID); err != nil {
		return status, err
	}
	p.stats.add(&p.stats.store, t)
	t = time.Now()
	if err := p.Index.Add(ctx, docs); err != nil {
		return status, fmt.Errorf("index: %w", err)
	}
	p.stats.add(&p.stats.index, t)
	return status, nil
}

// analyzeAll analyses articles on the pipeline's workers, keeping order,
// and waits for all of them: the old Save's analysis step.
func (p *Pipeline) analyzeAll(ctx context.Context, arts []*data.Article) []*data.Analysis {
	out := make([]*data.Analysis, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(p.workers, len(arts)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = p.Analyzer.Analyze(arts[i])
			}
		}()
	}
	for i := range arts {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// ingestBatch is how many articles `meetscan import` hands to Save at once.
const ingestBatch = 512

// ingestMode is one way of ingesting, compared in the same run.
type ingestMode struct {
	name  string
	chunk int // Pipeline.chunk for Save
	gogc  int // GC percent during the run; 0 leaves it alone
	batch int // articles per Save call; 0 means ingestBatch
	save  func(context.Context, *Pipeline, []*data.Article) ([]data.PutStatus, error)
}

var ingestModes = []ingestMode{
	{name: "baseline", save: saveBaseline},
	{name: "save", save: save},
	{name: "baseline-2000", batch: 2000, save: saveBaseline},
	{name: "save-2000", batch: 2000, save: save},
	{name: "save-256", chunk: 256, save: save},
	{name: "save-128", chunk: 128, save: save},
	{name: "save-gogc200", gogc: 200, save: save},
}

func save(ctx context.Context, p *Pipeline, arts []*data.Article) ([]data.PutStatus, error) {
	return p.Save(ctx, arts)
}

// ingestRun is what one ingest of the corpus measured.
type ingestRun struct {
	wall, cpu, gcCPU time.Duration
	runq             time.Duration // runnable threads waiting for a CPU, summed
	idle             float64       // share of the Go scheduler's P time with nothing to run
	stages           stageTimes
}

// cpuMetrics reads the runtime's CPU-class estimates: total P time, idle P
// time and GC time, in seconds.
func cpuMetrics() (total, idle, gc float64) {
	s := []metrics.Sample{{Name: "/cpu/classes/total:cpu-seconds"}, {Name: "/cpu/classes/idle:cpu-seconds"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	return s[0].Value.Float64(), s[1].Value.Float64(), s[2].Value.Float64()
}

// runqWait is the time the process's threads spent runnable but waiting
// for a CPU (Linux schedstat run_delay summed over threads): what other
// processes on the machine cost us.
func runqWait() time.Duration {
	tasks, _ := filepath.Glob("/proc/self/task/*/schedstat")
	var sum int64
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue
		}
		f := strings.Fields(string(b))
		if len(f) >= 2 {
			d, _ := strconv.ParseInt(f[1], 10, 64)
			sum += d
		}
	}
	return time.Duration(sum)
}

// ingest stores, analyses and indexes arts into an empty data dir in
// batches of ingestBatch, the way `meetscan import` does, and closes it.
func ingest(tb testing.TB, mode ingestMode, arts []*data.Article) ingestRun {
	tb.Helper()
	ctx := context.Background()
	p, err := Open(ctx, Options{DataDir: tb.TempDir()})
	if err != nil {
		tb.Fatal(err)
	}
	p.chunk = mode.chunk
	if mode.gogc > 0 {
		defer debug.SetGCPercent(debug.SetGCPercent(mode.gogc))
	}
	runtime.GC()
	tot0, idle0, gc0 := cpuMetrics()
	t0, c0, q0 := time.Now(), gen.CPUTime(), runqWait()
	batch := cmp.Or(mode.batch, ingestBatch)
	for start := 0; start < len(arts); start += batch {
		if _, err := mode.save(ctx, p, arts[start:min(start+batch, len(arts))]); err != nil {
			tb.Fatal(err)
		}
	}
	if err := p.Close(); err != nil {
		tb.Fatal(err)
	}
	r := ingestRun{wall: time.Since(t0), cpu: gen.CPUTime() - c0, runq: runqWait() - q0, stages: p.stats.snapshot()}
	// The runtime updates its CPU-class estimates at each GC: end the
	// window with one (after the clocks above are read).
	runtime.GC()
	tot1, idle1, gc1 := cpuMetrics()
	r.idle = (idle1 - idle0) / (tot1 - tot0)
	r.gcCPU = time.Duration((gc1 - gc0) * float64(time.Second))
	return r
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// benchRounds is MEETSCAN_BENCH_ROUNDS, else 3.
func benchRounds() int {
	if n, err := strconv.Atoi(os.Getenv("MEETSCAN_BENCH_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 3
}

// BenchmarkIngest measures store + analysis + index of a generated corpus
// (gen.Default(n, 1)) through Save, in batches of 512 like `meetscan
// import`, against the old serial Save (saveBaseline). The modes run
// interleaved, round after round, each from an empty data dir with the
// analyzer already loaded, so that the ratios compare runs made under the
// same load. It logs every run and reports medians and median per-round
// ratios to the baseline.
//
//	MEETSCAN_BENCH_DOCS=2000 MEETSCAN_BENCH_ROUNDS=3 go test ./cmd/internal/pipeline -run X -bench BenchmarkIngest -benchtime 1x -v
func BenchmarkIngest(b *testing.B) {
	n, rounds := gen.DocsFromEnv(2000), benchRounds()
	if only := os.Getenv("MEETSCAN_BENCH_MODES"); only != "" {
		var keep []ingestMode
		for _, m := range ingestModes {
			if slices.Contains(strings.Split(only, ","), m.name) {
				keep = append(keep, m)
			}
		}
		ingestModes = keep
	}
	b.StopTimer()
	runs := make(map[string][]ingestRun)
	size := 0
	for round := range rounds {
		for k := range ingestModes {
			// rotate the order so that no mode always runs first
			m := ingestModes[(k+round)%len(ingestModes)]
			arts, sz := genArticles(b, n)
			size = sz
			b.StartTimer()
			r := ingest(b, m, arts)
			b.StopTimer()
			runs[m.name] = append(runs[m.name], r)
			b.Logf("round %d %-9s %6.1f docs/s  wall %6.2fs  cpu %6.2fs  runq-wait %6.2fs  gc %5.2fs  P-idle %4.1f%%  store %5.2fs analyze-wait %5.2fs index %5.2fs  peak RSS %4.0f MiB",
				round+1, m.name, float64(n)/r.wall.Seconds(), r.wall.Seconds(), r.cpu.Seconds(), r.runq.Seconds(), r.gcCPU.Seconds(), 100*r.idle,
				r.stages.store.Seconds(), r.stages.analyze.Seconds(), r.stages.index.Seconds(), gen.PeakRSSMiB())
		}
	}
	base := runs[ingestModes[0].name]
	for _, m := range ingestModes {
		var dps, mbps, idle, cpuPerDoc, ratio, quiet []float64
		for i, r := range runs[m.name] {
			// What the run would do on idle cores: its CPU work spread
			// over the Ps it kept busy.
			quiet = append(quiet, float64(runtime.GOMAXPROCS(0))*(1-r.idle)*float64(n)/r.cpu.Seconds())
			dps = append(dps, float64(n)/r.wall.Seconds())
			mbps = append(mbps, float64(size)/r.wall.Seconds()/1e6)
			idle = append(idle, 100*r.idle)
			cpuPerDoc = append(cpuPerDoc, r.cpu.Seconds()*1000/float64(n))
			ratio = append(ratio, base[i].wall.Seconds()/r.wall.Seconds())
		}
		b.Logf("%-9s median of %d: %6.1f docs/s  %5.3f MB/s  P-idle %4.1f%%  cpu %5.2f ms/doc  idle-machine estimate %5.0f docs/s  speed vs %s %.2fx %.2f",
			m.name, len(dps), median(dps), median(mbps), median(idle), median(cpuPerDoc), median(quiet), ingestModes[0].name, median(ratio), ratio)
		b.ReportMetric(median(dps), m.name+"-docs/s")
	}
	b.ReportMetric(gen.PeakRSSMiB(), "peak-MiB")
}

// rebuildBaseline is RebuildIndex as it was before: close the index,
// rebuild it from the store, reopen it.
func rebuildBaseline(ctx context.Context, p *Pipeline) error {
	if err := p.Index.Close(); err != nil {
		return err
	}
	p.Index = nil
	src := func(ctx context.Context, yield func(index.Doc) error) error {
		return p.Store.Each(ctx, func(a *data.Article, an *data.Analysis) error {
			return yield(index.Doc{Article: a, Analysis: an})
		})
	}
	cfg := p.indexConfig()
	if err := index.Rebuild(ctx, IndexDir(p.dataDir), cfg, src, nil); err != nil {
		return err
	}
	ix, err := index.Open(IndexDir(p.dataDir), cfg)
	p.Index = ix
	return err
}

// BenchmarkRebuildIndex rebuilds the index of a stored, analysed corpus
// with RebuildIndex (in place, the open index searchable until the swap)
// and the old way, interleaved, and logs docs/s, CPU, P-idle and the median
// ratio.
//
//	MEETSCAN_BENCH_DOCS=2000 go test ./cmd/internal/pipeline -run X -bench BenchmarkRebuildIndex -benchtime 1x -v
func BenchmarkRebuildIndex(b *testing.B) {
	ctx := context.Background()
	n, rounds := gen.DocsFromEnv(2000), benchRounds()
	b.StopTimer()
	p, err := Open(ctx, Options{DataDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	arts, _ := genArticles(b, n)
	for start := 0; start < len(arts); start += ingestBatch {
		if _, err := p.Save(ctx, arts[start:min(start+ingestBatch, len(arts))]); err != nil {
			b.Fatal(err)
		}
	}
	modes := []struct {
		name    string
		rebuild func() error
	}{
		{"baseline", func() error { return rebuildBaseline(ctx, p) }},
		{"rebuild", func() error { return p.RebuildIndex(ctx, nil) }},
	}
	walls := map[string][]float64{}
	for round := range rounds {
		for k := range modes {
			m := modes[(k+round)%len(modes)]
			runtime.GC()
			tot0, idle0, _ := cpuMetrics()
			t0, c0 := time.Now(), gen.CPUTime()
			b.StartTimer()
			if err := m.rebuild(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			wall := time.Since(t0).Seconds()
			runtime.GC() // the CPU-class estimates are updated at GC
			tot1, idle1, _ := cpuMetrics()
			walls[m.name] = append(walls[m.name], wall)
			b.Logf("round %d %-8s %6.1f docs/s  wall %6.2fs  cpu %6.2fs  P-idle %4.1f%%", round+1, m.name, float64(n)/wall, wall,
				(gen.CPUTime() - c0).Seconds(), 100*(idle1-idle0)/(tot1-tot0))
		}
	}
	for _, m := range modes {
		var dps, ratio []float64
		for i, w := range walls[m.name] {
			dps = append(dps, float64(n)/w)
			ratio = append(ratio, walls["baseline"][i]/w)
		}
		b.Logf("%-8s median of %d: %6.1f docs/s  speed vs baseline %.2fx %v", m.name, len(dps), median(dps), median(ratio), ratio)
		b.ReportMetric(median(dps), m.name+"-docs/s")
	}
}

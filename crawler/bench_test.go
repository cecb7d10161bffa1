package crawler_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"meetscan/crawler"
	"meetscan/crawler/fixture"
	"meetscan/data/gen"
)

// BenchmarkCrawl crawls a local fixture site with no delay, at two sizes,
// to show the cost per page and that memory does not grow with the site:
// the frontier and the seen set live in the store, not in RAM.
//
//	go test -run '^$' -bench Crawl -benchtime 1x ./crawler/
func BenchmarkCrawl(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run("pages="+strconv.Itoa(n), func(b *testing.B) {
			site := fixture.New(fixture.Options{Articles: n, English: 1, PerPage: 20, NoExtras: true})
			srv := httptest.NewServer(site)
			defer srv.Close()
			var pages, cpu time.Duration
			var peakHeap, mallocs uint64
			var total int
			var diskBytes int64
			for i := 0; i < b.N; i++ {
				dir := b.TempDir()
				store := openStore(b, dir)
				cfg := testConfig(srv.URL)
				cfg.Parallel = 4
				resetPeakRSS()
				runtime.GC()
				var ms0 runtime.MemStats
				runtime.ReadMemStats(&ms0)
				stop := sampleHeap(&peakHeap)
				cpu0 := gen.CPUTime()
				t0 := time.Now()
				sum, err := crawler.Crawl(context.Background(), cfg, store, nil)
				pages += time.Since(t0)
				cpu += gen.CPUTime() - cpu0
				stop()
				if err != nil {
					b.Fatal(err)
				}
				if sum.ArticlesNew != n+1 {
					b.Fatalf("crawl stored %d articles, want %d: %s", sum.ArticlesNew, n+1, sum)
				}
				var ms1 runtime.MemStats
				runtime.ReadMemStats(&ms1)
				mallocs += ms1.Mallocs - ms0.Mallocs
				total += sum.Pages
				diskBytes = dirSize(dir)
			}
			b.ReportMetric(float64(total)/pages.Seconds(), "pages/s")
			b.ReportMetric(cpu.Seconds()*1000/float64(total), "cpu-ms/page")
			b.ReportMetric(float64(mallocs)/float64(total), "allocs/page")
			b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(peakRSS())/(1<<10), "peak-RSS-MB")
			b.ReportMetric(float64(diskBytes)/(1<<20), "data-dir-MB")
		})
	}
}

// sampleHeap records the peak HeapInuse every 20ms until stopped.
func sampleHeap(peak *uint64) (stop func()) {
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		for !done.Load() {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > *peak {
				*peak = ms.HeapInuse
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	return func() { done.Store(true); wg.Wait() }
}

// resetPeakRSS resets VmHWM (Linux: "5" to clear_refs) so each size
// reports its own peak.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns VmHWM in KiB.
func peakRSS() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("VmHWM:")) {
			var kb int
			fmt.Sscanf(string(bytes.TrimPrefix(line, []byte("VmHWM:"))), "%d", &kb)
			return kb
		}
	}
	return 0
}

// benchSizes are the site sizes; MEETSCAN_BENCH_SIZES="200 2000" overrides
// them for a quick run.
func benchSizes() []int {
	s := os.Getenv("MEETSCAN_BENCH_SIZES")
	if s == "" {
		return []int{2000, 20000}
	}
	var out []int
	for _, f := range bytes.Fields([]byte(s)) {
		if n, err := strconv.Atoi(string(f)); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

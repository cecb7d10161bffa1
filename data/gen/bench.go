package gen

import (
	"os"
	"strconv"
	"strings"
)

// DocsFromEnv is the corpus size a benchmark generates:
// MEETSCAN_BENCH_DOCS when it is a positive number, else def.
func DocsFromEnv(def int) int {
	if n, err := strconv.Atoi(os.Getenv("MEETSCAN_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return def
}

// PeakRSSMiB is the process's peak resident set size (VmHWM) in MiB, for
// the memory figures benchmarks report; 0 where /proc is not available.
func PeakRSSMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

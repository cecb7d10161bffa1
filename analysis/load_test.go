package analysis

import (
	"testing"
	"time"

	"meetscan/analysis/keywords"
	"meetscan/analysis/segment"
)

func TestLoadTimes(t *testing.T) {
	t0 := time.Now()
	if _, err := segment.Default(); err != nil {
		t.Fatal(err)
	}
	t1 := time.Now()
	keywords.Default()
	t2 := time.Now()
	if _, err := New(Config{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("segment %v idf %v new %v", t1.Sub(t0), t2.Sub(t1), time.Since(t2))
}

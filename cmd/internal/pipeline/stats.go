package pipeline

import (
	"sync/atomic"
	"time"
)

// stageStats adds up the wall time spent in each stage of ingest. Stages
// overlap when Save pipelines them, so the sum can exceed the elapsed time;
// the figures say which stage the others wait for.
type stageStats struct {
	store, analyze, index atomic.Int64 // nanoseconds
}

func (s *stageStats) add(d *atomic.Int64, since time.Time) { d.Add(int64(time.Since(since))) }

// stageTimes is a snapshot of stageStats.
type stageTimes struct{ store, analyze, index time.Duration }

func (s *stageStats) snapshot() stageTimes {
	return stageTimes{
		store:   time.Duration(s.store.Load()),
		analyze: time.Duration(s.analyze.Load()),
		index:   time.Duration(s.index.Load()),
	}
}

func (t stageTimes) plus(u stageTimes) stageTimes {
	return stageTimes{t.store + u.store, t.analyze + u.analyze, t.index + u.index}
}

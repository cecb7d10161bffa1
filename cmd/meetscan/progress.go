package main

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress draws one self-overwriting status line on a terminal and
// nothing elsewhere (a log file or a pipe gets only the final summary).
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	last  time.Time
	width int
}

func newProgress(w io.Writer) *progress { return &progress{w: w, on: isTerminal(w)} }

func (p *progress) update(format string, args ...any) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	line := fmt.Sprintf(format, args...)
	pad := p.width - len(line)
	p.width = len(line)
	if pad < 0 {
		pad = 0
	}
	fmt.Fprintf(p.w, "\r%s%*s", line, pad, "")
}

// count is a ready-made update for "done of total" work.
func (p *progress) count(what string) func(done, total int) {
	start := time.Now()
	return func(done, total int) {
		rate := float64(done) / max(time.Since(start).Seconds(), 1e-3)
		p.update("%s: %d/%d (%.0f/s)", what, done, total, rate)
	}
}

func (p *progress) done() {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%*s\r", p.width, "")
		p.width = 0
	}
}

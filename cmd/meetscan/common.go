package main

import (
	"context"
	"html"
	"io"
	"os"

	"meetscan/analysis/taxonomy"
	"meetscan/cmd/internal/pipeline"
	"meetscan/index"
)

// openPipeline opens the data dir's store, analyzer and index.
func openPipeline(ctx context.Context, e *env, noIndex bool) (*pipeline.Pipeline, error) {
	return pipeline.Open(ctx, pipeline.Options{DataDir: e.dataDir, Log: e.log, NoIndex: noIndex})
}

// openIndex opens the pipeline for a command that only reads the index
// (and the taxonomy, to check theme ids).
func openIndex(ctx context.Context, e *env) (*index.Index, *taxonomy.Taxonomy, func(), error) {
	p, err := openPipeline(ctx, e, false)
	if err != nil {
		return nil, nil, nil, err
	}
	return p.Index, p.Analyzer.Taxonomy(), func() { p.Close() }, nil
}

// isTerminal reports whether w is a terminal, for progress lines and bold
// text that would only clutter a file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func htmlUnescape(s string) string { return html.UnescapeString(s) }

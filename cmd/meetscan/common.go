package main

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"strings"

	"meetscan/analysis/taxonomy"
	"meetscan/cmd/internal/pipeline"
	"meetscan/data"
	"meetscan/index"
)

// openPipeline opens the data dir's store, analyzer and index.
func openPipeline(ctx context.Context, e *env, noIndex bool) (*pipeline.Pipeline, error) {
	return pipeline.Open(ctx, pipeline.Options{DataDir: e.dataDir, Log: e.log, NoIndex: noIndex})
}

// openExisting opens the pipeline for a command that reads what is stored.
// A data dir that does not exist is an error rather than a fresh empty
// one: a typo in --data, or running from another folder than usual, would
// otherwise answer "No meetings found" and leave an empty data dir behind.
func openExisting(ctx context.Context, e *env, noIndex bool) (*pipeline.Pipeline, error) {
	if err := checkDataDir(e.dataDir); err != nil {
		return nil, err
	}
	p, err := openPipeline(ctx, e, noIndex)
	if err != nil {
		if errors.Is(err, pipeline.ErrOpenIndex) && !errors.Is(err, index.ErrLocked) && !errors.Is(err, data.ErrLocked) {
			// A damaged index: say what helps, on one line (bleve's
			// messages can span several).
			first, _, _ := strings.Cut(err.Error(), "\n")
			return nil, fmt.Errorf("%s; run meetscan index --rebuild", strings.TrimRight(first, ": "))
		}
		return nil, err
	}
	return p, nil
}

func checkDataDir(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("data dir %s does not exist (meetscan crawl, import or demo create it; --data or MEETSCAN_DATA choose another)", dir)
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("data dir %s is not a folder", dir)
	}
	return nil
}

// openIndex opens the pipeline for a command that only reads the index
// (and the taxonomy, to check theme ids).
func openIndex(ctx context.Context, e *env) (*index.Index, *taxonomy.Taxonomy, func(), error) {
	p, err := openExisting(ctx, e, false)
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

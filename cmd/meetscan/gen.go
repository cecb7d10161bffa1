package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"meetscan/crawler/importfile"
	"meetscan/data"
	"meetscan/data/gen"
)

func init() { register(newGenCmd) }

func newGenCmd(e *env) *cobra.Command {
	var (
		docs  int
		years string
		seed  int64
		out   string
		truth string
	)
	cmd := &cobra.Command{
		Use:   "gen --docs N [--years 2019-2024] [--seed S] --out FILE.jsonl",
		Short: "Generate a synthetic corpus with planted trends (for benchmarks)",
		Long: `Gen writes a deterministic synthetic corpus of meeting reports as JSONL (the
import format) with planted theme trends and paraphrased recurring
requirements; --truth writes the planted facts (per-year theme counts,
requirement families) as JSON. The same seed gives the same corpus.`,
		Example: `  meetscan gen --docs 100000 --seed 1 --out corpus.jsonl --truth truth.json
  meetscan import corpus.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			from, to, err := parseYearRange(years)
			if err != nil {
				return err
			}
			if docs < 1 {
				return usagef("--docs must be at least 1")
			}
			if out == "" {
				return usagef("--out FILE is required")
			}
			cfg := gen.Default(docs, seed)
			cfg.FromYear, cfg.ToYear = from, to
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("gen: %w", err)
			}
			defer f.Close()
			bw := bufio.NewWriterSize(f, 1<<20)
			enc := json.NewEncoder(bw)
			enc.SetEscapeHTML(false)
			start := time.Now()
			prog := newProgress(e.stderr)
			n := 0
			t, err := gen.Generate(cfg, func(a *data.Article) error {
				n++
				if n%1000 == 0 {
					prog.update("gen: %d/%d articles", n, docs)
				}
				return enc.Encode(importfile.Record{ID: a.ID, URL: a.URL, Title: a.Title,
					Published: a.Published, Body: a.Body, Source: a.Source, Author: a.Author, Lang: a.Lang})
			})
			prog.done()
			if err != nil {
				return fmt.Errorf("gen: %w", err)
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("gen: %w", err)
			}
			if truth != "" {
				b, err := json.MarshalIndent(t, "", "  ")
				if err != nil {
					return err
				}
				if err := os.WriteFile(truth, b, 0o644); err != nil {
					return fmt.Errorf("gen: %w", err)
				}
			}
			fmt.Fprintf(e.stderr, "gen: %d articles (%d-%d, seed %d) to %s in %s\n", n, from, to, seed, out, time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&docs, "docs", 1000, "number of articles")
	fl.StringVar(&years, "years", "2019-2024", "year range A-B")
	fl.Int64Var(&seed, "seed", 1, "random seed")
	fl.StringVarP(&out, "out", "o", "", "output JSONL file")
	fl.StringVar(&truth, "truth", "", "also write the planted facts to this JSON file")
	return cmd
}

// parseYearRange parses "2019-2024" or "2023".
func parseYearRange(s string) (from, to int, err error) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		b = a
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || from < 1900 || to > 2200 || from > to {
		return 0, 0, usagef("year range %q: want A-B such as 2019-2024", s)
	}
	return from, to, nil
}

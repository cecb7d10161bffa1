package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

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
			from, to, err := gen.ParseYears(years)
			if err != nil {
				return usagef("--years: %v", err)
			}
			if docs < 1 {
				return usagef("--docs must be at least 1")
			}
			if out == "" {
				return usagef("--out FILE is required")
			}
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("gen: %w", err)
			}
			defer f.Close()
			start := time.Now()
			t, err := gen.WriteJSONL(f, gen.DefaultRange(docs, seed, from, to))
			if err != nil {
				return fmt.Errorf("gen: %w", err)
			}
			if err := f.Close(); err != nil {
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
			fmt.Fprintf(e.stderr, "gen: %d articles (%d-%d, seed %d) to %s in %s\n", t.Docs, from, to, seed, out, time.Since(start).Round(time.Millisecond))
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

package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"meetscan/cmd/internal/pipeline"
)

func init() {
	register(newReanalyzeCmd)
	register(newIndexCmd)
}

func newReanalyzeCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "reanalyze",
		Short: "Re-run the analysis over every stored article and rebuild the index",
		Long: `Reanalyze applies the current analyzer, user dictionary (DATA/userdict.txt) and
taxonomy (DATA/taxonomy.yaml) to every stored article, stores the new analyses
and rebuilds the search index. Run it after editing the dictionary or taxonomy.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			start := time.Now()
			p, err := openExisting(ctx, e, true)
			if err != nil {
				return err
			}
			defer p.Close()
			prog := newProgress(e.stderr)
			err = p.Reanalyze(ctx, prog.count("analyse"))
			prog.done()
			if err != nil {
				return err
			}
			err = p.RebuildIndex(ctx, prog.count("index"))
			prog.done()
			if err != nil {
				return err
			}
			n, _ := p.Store.Count()
			fmt.Fprintf(e.stderr, "reanalyze: %d articles analysed and indexed with analyzer %s in %s\n",
				n, p.Analyzer.Version(), time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
}

func newIndexCmd(e *env) *cobra.Command {
	var rebuild bool
	cmd := &cobra.Command{
		Use:   "index [--rebuild]",
		Short: "Show the search index, or rebuild it from the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			p, err := openExisting(ctx, e, rebuild)
			if err != nil {
				return err
			}
			defer p.Close()
			if rebuild {
				prog := newProgress(e.stderr)
				start := time.Now()
				err := p.RebuildIndex(ctx, prog.count("index"))
				prog.done()
				if err != nil && ctx.Err() == nil && p.Index == nil {
					// The old index cannot even be opened (a kill during
					// its creation, files deleted by hand): --rebuild means
					// starting over, and the store holds everything. The
					// data dir lock keeps other processes away meanwhile.
					e.log.Debug("rebuild failed; removing the index", "err", err)
					fmt.Fprintf(e.stderr, "index: the old index is damaged; building a new one from the store\n")
					if rmErr := os.RemoveAll(pipeline.IndexDir(e.dataDir)); rmErr != nil {
						return fmt.Errorf("index: %w", rmErr)
					}
					err = p.RebuildIndex(ctx, prog.count("index"))
					prog.done()
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stderr, "index: rebuilt in %s\n", time.Since(start).Round(time.Millisecond))
			}
			stored, err := p.Store.Count()
			if err != nil {
				return err
			}
			indexed, err := p.Index.Count()
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "index %s: %d articles indexed of %d stored; analyzer %s\n",
				p.Index.Dir(), indexed, stored, p.Analyzer.Version())
			return nil
		},
	}
	cmd.Flags().BoolVar(&rebuild, "rebuild", false, "rebuild the index from the store")
	return cmd
}

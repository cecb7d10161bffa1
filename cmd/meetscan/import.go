package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"meetscan/crawler/importfile"
	"meetscan/data"
)

func init() { register(newImportCmd) }

func newImportCmd(e *env) *cobra.Command {
	var urlFlag, published string
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Add articles from .txt, .html/.htm and .jsonl files or folders",
		Long: `Import adds articles from files: .txt (the first line is the title), .html/.htm
(extracted like crawled pages), .jsonl (one article a line: url, title,
published, body, optional source, author, lang; an export of meetscan works) and
folders of them, recursively. Articles are stored, analysed and indexed like
crawled ones and de-duplicated the same way. Bad files are reported by name and
skipped; the rest still import.`,
		Example: `  meetscan import reports/
  meetscan import --url https://example.org/a.html --published 2023-12-28 report.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := importfile.Options{URL: urlFlag}
			if published != "" {
				pt, err := data.ParsePubTime(published)
				if err != nil {
					return usagef("--published: %v", err)
				}
				opts.Published = pt
			}
			if urlFlag != "" || published != "" {
				// They describe one article: a folder or several files
				// would give every article the same URL and date.
				if len(args) > 1 {
					return usagef("--url and --published apply to a single file")
				}
				if fi, err := os.Stat(args[0]); err == nil && fi.IsDir() {
					return usagef("--url and --published apply to a single file, not the folder %s", args[0])
				}
			}
			p, err := openPipeline(cmd.Context(), e, false)
			if err != nil {
				return err
			}
			defer p.Close()
			var counts [4]int
			var failed int
			for _, path := range args {
				arts, errs := importfile.Read(path, opts)
				for _, err := range errs {
					failed++
					fmt.Fprintf(e.stderr, "import: skipped %v\n", err)
				}
				for start := 0; start < len(arts); start += 512 {
					batch := arts[start:min(start+512, len(arts))]
					status, err := p.Save(cmd.Context(), batch)
					if err != nil {
						return fmt.Errorf("import %s: %w", path, err)
					}
					for _, s := range status {
						counts[s]++
					}
				}
			}
			fmt.Fprintf(e.stderr, "import: %d new, %d updated, %d unchanged, %d duplicate, %d skipped\n",
				counts[data.Added], counts[data.Updated], counts[data.Unchanged], counts[data.Duplicate], failed)
			// Like cp or tar, a partial import fails (exit 1) after doing
			// what it could, so that scripts notice the skipped files.
			if failed > 0 && counts == [4]int{} {
				return fmt.Errorf("import: nothing imported; %d files or lines failed", failed)
			}
			if failed > 0 {
				return fmt.Errorf("import: %d files or lines were skipped (named above); the rest were imported", failed)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&urlFlag, "url", "", "URL of a single imported file")
	cmd.Flags().StringVar(&published, "published", "", "publication date of a single file (YYYY-MM-DD)")
	return cmd
}

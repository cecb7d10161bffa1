package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"meetscan/data"
)

func init() { register(newExportCmd) }

func newExportCmd(e *env) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export [--format jsonl|csv] [--out FILE]",
		Short: "Write every stored article and its analysis as JSONL or CSV",
		Long: `Export writes every stored article with its analysis. JSONL uses the field
names of import (id, url, title, published, body, source, author, lang) plus
"analysis", so an export can be imported elsewhere. CSV has one row per article
with the main extracted facts.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" && format != "csv" {
				return usagef("--format must be jsonl or csv, not %q", format)
			}
			store, err := openStore(e)
			if err != nil {
				return err
			}
			defer store.Close()
			w := e.stdout
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriter(w)
			n, err := exportArticles(cmd, store, format, bw)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if out != "" && out != "-" {
				fmt.Fprintf(e.stderr, "exported %d articles to %s\n", n, out)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or csv")
	cmd.Flags().StringVarP(&out, "out", "o", "", "write to FILE instead of standard output")
	return cmd
}

// exportRecord is one JSONL line: the article's fields with its analysis.
type exportRecord struct {
	*data.Article
	Analysis *data.Analysis `json:"analysis"`
}

var csvHeader = []string{"id", "url", "title", "published", "source", "author", "lang",
	"meeting_date", "period_year", "org", "meeting_type", "attendance", "speaker",
	"people", "themes", "requirements", "keywords"}

func exportArticles(cmd *cobra.Command, store *data.Store, format string, w io.Writer) (int, error) {
	n := 0
	var cw *csv.Writer
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if format == "csv" {
		cw = csv.NewWriter(w)
		if err := cw.Write(csvHeader); err != nil {
			return 0, err
		}
	}
	err := store.Each(cmd.Context(), func(a *data.Article, an *data.Analysis) error {
		n++
		if cw == nil {
			return enc.Encode(exportRecord{Article: a, Analysis: an})
		}
		return cw.Write(csvRow(a, an))
	})
	if cw != nil {
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
	}
	return n, err
}

func csvRow(a *data.Article, an *data.Analysis) []string {
	row := []string{a.ID, a.URL, a.Title, a.Published.String(), a.Source, a.Author, a.Lang}
	if an == nil {
		return append(row, make([]string, len(csvHeader)-len(row))...)
	}
	var people, reqs, kws []string
	for _, p := range an.People {
		if len(p.Roles) > 0 {
			people = append(people, p.Name+" ("+strings.Join(p.Roles, ", ")+")")
		} else {
			people = append(people, p.Name)
		}
	}
	for _, r := range an.Requirements {
		reqs = append(reqs, r.Text)
	}
	for _, k := range an.Keywords {
		kws = append(kws, k.Term)
	}
	return append(row, an.MeetingDate, optInt(an.PeriodYear), an.Org, an.MeetingType,
		optInt(an.Attendance), an.Speaker, strings.Join(people, "; "),
		strings.Join(an.ThemeIDs(), "; "), strings.Join(reqs, "\n"), strings.Join(kws, "; "))
}

func optInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

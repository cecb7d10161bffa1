package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"meetscan/analysis/recurring"
	"meetscan/index"
	"meetscan/index/report"
	"meetscan/index/trends"
)

func init() {
	register(newTrendsCmd)
	register(newContextCmd)
	register(newRequirementsCmd)
	register(newReportCmd)
}

// outputFlags select the output format of the analysis commands.
type outputFlags struct{ json, csv bool }

func (o *outputFlags) add(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&o.csv, "csv", false, "print CSV")
}

func (o *outputFlags) check() error {
	if o.json && o.csv {
		return usagef("--json and --csv exclude each other")
	}
	return nil
}

// emit writes v as JSON, or through csvFn or textFn, as the flags say.
func (o *outputFlags) emit(w io.Writer, v any, csvFn, textFn func(io.Writer) error) error {
	switch {
	case o.json:
		return writeJSON(w, v)
	case o.csv:
		return csvFn(w)
	}
	return textFn(w)
}

// queryError turns a bad query into a usage error (exit 2).
func queryError(err error) error {
	if errors.Is(err, index.ErrBadQuery) {
		return usagef("%v", err)
	}
	return err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// yearFlags are --from/--to as years.
type yearFlags struct{ from, to int }

func (y *yearFlags) add(cmd *cobra.Command) {
	cmd.Flags().IntVar(&y.from, "from", 0, "first year (default: the first year present)")
	cmd.Flags().IntVar(&y.to, "to", 0, "last year (default: the last year present)")
}

func (y *yearFlags) check() error {
	if y.from != 0 && y.to != 0 && y.from > y.to {
		return usagef("--from %d is after --to %d", y.from, y.to)
	}
	return nil
}

func newTrendsCmd(e *env) *cobra.Command {
	var (
		years   yearFlags
		by      string
		org     string
		typ     string
		lang    string
		queries []string
		limit   int
		out     outputFlags
	)
	cmd := &cobra.Command{
		Use:   "trends [--from Y --to Y] [--by theme|term] [--query Q...] [--org O] [--type T] [--json|--csv]",
		Short: "How the themes (or terms, or any query) of meetings change from year to year",
		Long: `Trends counts, per year, the meetings and the meetings that mention each theme of
the taxonomy (--by term: each segmented term outside the stop words), their
share of the year, the change against the previous year in percentage points,
and a log-likelihood G² test with its p-value comparing the later with the
earlier years, so that small-sample noise is not called a trend. Labels:
rising, falling, new, gone, steady. Most significant change first.

--query Q (repeatable) instead shows attention over time: the meetings per
year matching each search query, side by side.

Everything is computed from the index's facets, never by loading articles.`,
		Example: `  meetscan trends --from 2019 --to 2024
  meetscan trends --by term --json
  meetscan trends --query 高质量发展 --query 二十大 --csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := errors.Join(out.check(), years.check()); err != nil {
				return err
			}
			if by != "theme" && by != "term" {
				return usagef("--by must be theme or term, not %q", by)
			}
			if typ != "" && !validMeetingType(typ) {
				return usagef("--type %q is not a meeting type", typ)
			}
			if err := checkLang(lang); err != nil {
				return err
			}
			ctx := cmd.Context()
			p, err := openExisting(ctx, e, false)
			if err != nil {
				return err
			}
			defer p.Close()
			f := trends.Filter{From: years.from, To: years.to, Org: org, Type: typ, Lang: lang}
			if len(queries) > 0 {
				att, err := trends.AttentionOver(ctx, p.Index, queries, f)
				if err != nil {
					return queryError(err)
				}
				return out.emit(e.stdout, att,
					func(w io.Writer) error { return trends.WriteAttentionCSV(w, att) },
					func(w io.Writer) error { return trends.WriteAttentionText(w, att) })
			}
			var res *trends.Result
			if by == "theme" {
				res, err = trends.Themes(ctx, p.Index, f, trends.TaxonomyThemes(p.Analyzer.Taxonomy()), trends.Options{})
			} else {
				res, err = trends.Terms(ctx, p.Index, f, trends.TermOptions{Stop: trends.TermStopWords(p.Analyzer.Taxonomy())})
			}
			if err != nil {
				return err
			}
			return out.emit(e.stdout, res,
				func(w io.Writer) error { return trends.WriteCSV(w, res) },
				func(w io.Writer) error {
					// A table of zeros would read like "nothing changed".
					if meetingsIn(res) == 0 {
						_, err := fmt.Fprintln(w, "No meetings in these years.")
						return err
					}
					return trends.WriteText(w, res, limit)
				})
		},
	}
	years.add(cmd)
	fl := cmd.Flags()
	fl.StringVar(&by, "by", "theme", "theme (the taxonomy) or term (segmented vocabulary)")
	fl.StringArrayVar(&queries, "query", nil, "attention over time for this search query (repeatable)")
	fl.StringVar(&org, "org", "", "only this organisation")
	fl.StringVar(&typ, "type", "", "only this meeting type")
	fl.StringVar(&lang, "lang", "", "only this language (zh, en, mixed)")
	fl.IntVar(&limit, "limit", 30, "rows shown in the text table (0: all)")
	out.add(cmd)
	return cmd
}

func newContextCmd(e *env) *cobra.Command {
	var (
		filters filterFlags
		width   int
		limit   int
		out     outputFlags
	)
	cmd := &cobra.Command{
		Use:   "context TERM [filters]",
		Short: "Keyword-in-context lines for a term across the matching meetings",
		Long: `Context shows every occurrence of TERM with its neighbouring words, the year,
the organisation and the article link, across the meetings that match it
(filtered like search). Chinese is located natively, without spaces.`,
		Example: `  meetscan context 一岗双责 --from 2020
  meetscan context "high-quality development" --type review --csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := out.check(); err != nil {
				return err
			}
			if strings.TrimSpace(args[0]) == "" {
				return usagef("context needs a term")
			}
			req, err := filters.request("")
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			p, err := openExisting(ctx, e, false)
			if err != nil {
				return err
			}
			defer p.Close()
			if req.Theme, err = resolveTheme(p.Analyzer.Taxonomy(), req.Theme); err != nil {
				return err
			}
			f := trends.Filter{Org: req.Org, Type: req.Type, Lang: req.Lang, Person: req.Person, Theme: req.Theme}
			f.From, f.To = yearOf(filters.from), yearOf(filters.to)
			if filters.year != 0 {
				f.From, f.To = filters.year, filters.year
			}
			also := trends.AlsoForms(p.Analyzer.Taxonomy(), args[0])
			lines, err := trends.Context(ctx, p.Index, p.Store, args[0], f, trends.ContextOptions{Width: width, Limit: limit, Also: also})
			if err != nil {
				return queryError(err)
			}
			if lines == nil { // --json prints [], not null
				lines = []trends.Line{}
			}
			return out.emit(e.stdout, lines,
				func(w io.Writer) error { return trends.WriteContextCSV(w, lines) },
				func(w io.Writer) error {
					if len(lines) == 0 {
						_, err := fmt.Fprintln(w, "No occurrences found.")
						return err
					}
					return trends.WriteContextText(w, lines)
				})
		},
	}
	filters.add(cmd)
	cmd.Flags().IntVar(&width, "width", 24, "context on each side (Han characters, or half-words of English)")
	cmd.Flags().IntVar(&limit, "limit", 200, "most lines shown")
	out.add(cmd)
	return cmd
}

// yearOf takes the year of a --from/--to date bound (YYYY[-MM[-DD]]).
func yearOf(s string) int {
	if len(s) < 4 {
		return 0
	}
	y := 0
	for _, c := range s[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

func newRequirementsCmd(e *env) *cobra.Command {
	var (
		years      yearFlags
		org        string
		recurrent  bool
		minYears   int
		minCount   int
		limit      int
		members    bool
		maxMembers int
		out        outputFlags
	)
	cmd := &cobra.Command{
		Use:   "requirements [--recurring] [--from Y --to Y] [--org O] [--min-years N] [--json|--csv]",
		Short: "Requirements put forward at meetings, grouped when they recur",
		Long: `Requirements groups the requirements that say the same thing in different words
across meetings, organisations and years (MinHash/LSH over segmented content
words and theme ids, so boilerplate such as 要, 进一步, 加强 or "strengthen" never
makes two requirements alike). Each group shows a representative wording, how
often and in which years and organisations it was put forward, by whom, first
and last seen, and its members with article links. Most recurrent first.

Without --recurring every requirement is listed in a group of its own or with
its paraphrases; --recurring keeps groups seen at least twice.`,
		Example: `  meetscan requirements --recurring --min-years 3
  meetscan requirements --recurring --from 2022 --org 某某公司党委 --csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := errors.Join(out.check(), years.check()); err != nil {
				return err
			}
			ctx := cmd.Context()
			p, err := openExisting(ctx, e, true)
			if err != nil {
				return err
			}
			defer p.Close()
			// Members are listed up to --members-max per group: at 100,000
			// articles every member of every group would be 270,000 rows.
			opt := recurring.Options{MinYears: minYears, MinCount: 1, MaxMembers: maxMembers}
			if recurrent {
				opt.MinCount = max(minCount, 2)
			}
			groups, err := recurring.FromStore(ctx, p.Store, recurring.NewTokenizer(p.Analyzer.Segmenter()),
				recurring.Filter{From: years.from, To: years.to, Org: org}, opt)
			if err != nil {
				return err
			}
			if limit > 0 && len(groups) > limit {
				groups = groups[:limit]
			}
			if groups == nil { // --json prints [], not null
				groups = []recurring.Group{}
			}
			return out.emit(e.stdout, groups,
				func(w io.Writer) error {
					if members {
						return recurring.WriteMembersCSV(w, groups)
					}
					return recurring.WriteCSV(w, groups)
				},
				func(w io.Writer) error {
					if len(groups) == 0 {
						_, err := fmt.Fprintln(w, "No requirements found.")
						return err
					}
					return recurring.WriteText(w, groups, 3)
				})
		},
	}
	years.add(cmd)
	fl := cmd.Flags()
	fl.BoolVar(&recurrent, "recurring", false, "only requirements put forward at least twice")
	fl.StringVar(&org, "org", "", "only this organisation")
	fl.IntVar(&minYears, "min-years", 1, "only groups seen in at least N distinct years")
	fl.IntVar(&minCount, "min-count", 2, "with --recurring: only groups with at least N requirements")
	fl.IntVar(&limit, "limit", 50, "most groups shown (0: all)")
	fl.BoolVar(&members, "members", false, "with --csv: one row per member requirement instead of per group")
	fl.IntVar(&maxMembers, "max-members", 100, "members listed per group (0: all)")
	out.add(cmd)
	return cmd
}

func newReportCmd(e *env) *cobra.Command {
	var (
		year    int
		years   yearFlags
		org     string
		format  string
		outFile string
	)
	cmd := &cobra.Command{
		Use:   "report (--year Y | --from Y --to Y) [--format html|md] [--out FILE]",
		Short: "A periodic trend report as one self-contained HTML file or Markdown",
		Long: `Report writes a trend report for a year or a range of years: meetings per year,
organisation and type; themes with their year-over-year chart; rising, falling
and new themes; recurring requirements and requirements new in the period; the
most active presiding leaders. Every figure links to its source articles. HTML
is one self-contained file with SVG charts that opens offline; Markdown is for
pasting into documents.`,
		Example: `  meetscan report --year 2023 --out report-2023.html
  meetscan report --from 2019 --to 2024 --format md --out trends.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := years.check(); err != nil {
				return err
			}
			from, to := years.from, years.to
			if year != 0 {
				if from != 0 || to != 0 {
					return usagef("give --year or --from/--to, not both")
				}
				from, to = year, year
			}
			if from == 0 || to == 0 {
				return usagef("report needs --year Y or --from Y --to Y")
			}
			if format != "html" && format != "md" {
				return usagef("--format must be html or md, not %q", format)
			}
			ctx := cmd.Context()
			p, err := openExisting(ctx, e, true)
			if err != nil {
				return err
			}
			defer p.Close()
			rep, err := report.Build(ctx, p.Store, recurring.NewTokenizer(p.Analyzer.Segmenter()),
				report.Options{From: from, To: to, Org: org})
			if err != nil {
				return err
			}
			// An empty report file is easily mistaken for a finished one.
			if rep.Meetings == 0 {
				return fmt.Errorf("report: no meetings in %s; nothing written", yearSpan(from, to))
			}
			w := e.stdout
			if outFile != "" && outFile != "-" {
				f, err := os.Create(outFile)
				if err != nil {
					return fmt.Errorf("report: %w", err)
				}
				defer f.Close()
				w = f
			}
			if format == "md" {
				err = rep.WriteMarkdown(w)
			} else {
				err = rep.WriteHTML(w)
			}
			if err != nil {
				return fmt.Errorf("report: %w", err)
			}
			if outFile != "" && outFile != "-" {
				fmt.Fprintf(e.stderr, "report: wrote %s\n", outFile)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&year, "year", 0, "the year of the report")
	years.add(cmd)
	fl.StringVar(&org, "org", "", "only this organisation")
	fl.StringVar(&format, "format", "html", "html (self-contained, with charts) or md")
	fl.StringVarP(&outFile, "out", "o", "", "write to FILE instead of standard output")
	return cmd
}

// meetingsIn is the number of meetings a trends result counts.
func meetingsIn(res *trends.Result) int {
	n := 0
	for _, c := range res.MeetingsByYear {
		n += c
	}
	return n
}

func yearSpan(from, to int) string {
	if from == to {
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d-%d", from, to)
}

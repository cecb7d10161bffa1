package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"meetscan/analysis"
	"meetscan/crawler/extract"
	"meetscan/crawler/importfile"
	"meetscan/data"
)

func init() { register(newAnalyzeCmd) }

// maxAnalyzeInput bounds what analyze reads from standard input.
const maxAnalyzeInput = 64 << 20

func newAnalyzeCmd(e *env) *cobra.Command {
	var (
		urlFlag, published, title string
		asJSON                    bool
	)
	cmd := &cobra.Command{
		Use:   "analyze [FILE|-] [--url U] [--published YYYY-MM-DD] [--title T] [--json]",
		Short: "Analyse one text or HTML file without storing it",
		Long: `Analyze prints what meetscan extracts from one report: language, people and
their roles, organisation, meeting date, type and attendance, the requirements
put forward with their speaker, themes, keywords and slogans.

A .txt file's first line is its title; HTML is extracted like a crawled page.
Without FILE, or with -, it reads standard input. --published lets relative
dates ("12月28日", "On December 28") resolve to a year. The data dir's
userdict.txt and taxonomy.yaml apply when present; nothing is stored.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := importfile.Options{URL: urlFlag}
			if published != "" {
				pt, err := data.ParsePubTime(published)
				if err != nil {
					return usagef("--published: %v", err)
				}
				opts.Published = pt
			}
			path := "-"
			if len(args) == 1 {
				path = args[0]
			}
			art, err := readOneArticle(path, e.stdin, opts)
			if err != nil {
				return err
			}
			if title != "" {
				art.Title = title
				art.Normalize()
			}
			an, err := analysis.New(analysis.Config{DataDir: e.dataDir})
			if err != nil {
				return err
			}
			res := an.Analyze(art)
			if asJSON {
				return writeAnalysisJSON(e.stdout, art, res)
			}
			writeAnalysisText(e.stdout, art, res)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&urlFlag, "url", "", "the article's URL (its date path helps resolve the year)")
	fl.StringVar(&published, "published", "", "publication date (YYYY-MM-DD)")
	fl.StringVar(&title, "title", "", "the title, when the file does not start with it")
	fl.BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

// readOneArticle reads a single article from a file, or from r when path
// is "-" (HTML when it looks like HTML, else text with the title first).
func readOneArticle(path string, r io.Reader, opts importfile.Options) (*data.Article, error) {
	if path != "-" {
		arts, errs := importfile.Read(path, opts)
		if len(errs) > 0 {
			return nil, errs[0]
		}
		if len(arts) != 1 {
			return nil, usagef("analyze takes one article; %s holds %d (use import)", path, len(arts))
		}
		return arts[0], nil
	}
	b, err := io.ReadAll(io.LimitReader(r, maxAnalyzeInput+1))
	if err != nil {
		return nil, fmt.Errorf("read standard input: %w", err)
	}
	if len(b) > maxAnalyzeInput {
		return nil, fmt.Errorf("standard input is larger than %d MiB", maxAnalyzeInput>>20)
	}
	var art *data.Article
	if looksLikeHTML(b) {
		art, err = extract.Extract(b, opts.URL, extract.Options{})
	} else {
		art, err = importfile.FromText(b)
	}
	if err != nil {
		return nil, fmt.Errorf("standard input: %w", err)
	}
	if opts.URL != "" {
		art.URL = opts.URL
	}
	if !opts.Published.IsZero() {
		art.Published = opts.Published
	}
	art.Normalize()
	return art, nil
}

func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

// writeAnalysisJSON prints the article's identity with its analysis as one
// object (the shape of issue 3: unknowns null, lists []).
func writeAnalysisJSON(w io.Writer, art *data.Article, an *data.Analysis) error {
	b, err := json.Marshal(an)
	if err != nil {
		return err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return err
	}
	head, _ := json.Marshal(struct {
		Title     string       `json:"title"`
		URL       *string      `json:"url"`
		Published data.PubTime `json:"published"`
	}{art.Title, nullable(art.URL), art.Published})
	if err := json.Unmarshal(head, &fields); err != nil {
		return err
	}
	if !art.Published.IsZero() {
		fields["published"], _ = json.Marshal(art.Published.Date())
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(fields)
}

func writeAnalysisText(w io.Writer, art *data.Article, an *data.Analysis) {
	line := func(label, value string) {
		if value == "" {
			value = "—"
		}
		fmt.Fprintf(w, "%-13s %s\n", label+":", value)
	}
	line("Title", art.Title)
	line("URL", art.URL)
	line("Published", art.Published.String())
	line("Language", an.Lang)
	line("Organisation", an.Org)
	line("Meeting type", an.MeetingType)
	line("Meeting date", an.MeetingDate)
	line("Period year", optInt(an.PeriodYear))
	line("Attendance", optInt(an.Attendance))
	line("Speaker", an.Speaker)
	fmt.Fprintf(w, "\nPeople (%d):\n", len(an.People))
	for _, p := range an.People {
		if len(p.Roles) > 0 {
			fmt.Fprintf(w, "  %s — %s\n", p.Name, strings.Join(p.Roles, "; "))
		} else {
			fmt.Fprintf(w, "  %s\n", p.Name)
		}
	}
	fmt.Fprintf(w, "\nRequirements (%d):\n", len(an.Requirements))
	for i, r := range an.Requirements {
		who := ""
		if r.Speaker != "" {
			who = "[" + r.Speaker + "] "
		}
		fmt.Fprintf(w, "  %d. %s%s\n", i+1, who, r.Text)
		if len(r.Themes) > 0 {
			fmt.Fprintf(w, "     themes: %s\n", strings.Join(r.Themes, ", "))
		}
	}
	fmt.Fprintf(w, "\nThemes (%d):\n", len(an.Themes))
	for _, t := range an.Themes {
		fmt.Fprintf(w, "  %-34s %s / %s  ×%d  (%s)\n", t.ID, t.LabelZH, t.LabelEN, t.Count, strings.Join(t.Terms, ", "))
	}
	if len(an.Keywords) > 0 {
		kws := make([]string, len(an.Keywords))
		for i, k := range an.Keywords {
			kws[i] = fmt.Sprintf("%s (%.2f)", k.Term, k.Weight)
		}
		fmt.Fprintf(w, "\nKeywords: %s\n", strings.Join(kws, ", "))
	}
	if len(an.Slogans) > 0 {
		fmt.Fprintf(w, "Slogans:  %s\n", strings.Join(an.Slogans, "; "))
	}
}

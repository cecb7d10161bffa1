package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"meetscan/analysis/taxonomy"
	"meetscan/index"
)

func init() { register(newSearchCmd) }

// filterFlags are the search filters shared by search, context and trends.
type filterFlags struct {
	year            int
	from, to        string
	org, person     string
	theme, meetType string
	lang            string
}

func (f *filterFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.IntVar(&f.year, "year", 0, "only meetings of this year")
	fl.StringVar(&f.from, "from", "", "only meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.to, "to", "", "only meetings on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.org, "org", "", "only this organisation (exact name)")
	fl.StringVar(&f.person, "person", "", "only meetings naming this person")
	fl.StringVar(&f.theme, "theme", "", "only meetings with this theme id")
	fl.StringVar(&f.meetType, "type", "", "only this meeting type (review, promotion, joint, study, democratic_life, congress, other)")
	fl.StringVar(&f.lang, "lang", "", "only articles in this language (zh, en, mixed)")
}

// request builds an index request from the filters.
func (f *filterFlags) request(q string) (index.Request, error) {
	req := index.Request{Query: q, Year: f.year, Org: f.org, Person: f.person,
		Theme: f.theme, Type: f.meetType, Lang: f.lang}
	var err error
	if f.from != "" {
		if req.From, err = index.ParseDateBound(f.from, false); err != nil {
			return req, usagef("--from: %v", err)
		}
	}
	if f.to != "" {
		if req.To, err = index.ParseDateBound(f.to, true); err != nil {
			return req, usagef("--to: %v", err)
		}
	}
	if f.meetType != "" && !validMeetingType(f.meetType) {
		return req, usagef("--type %q is not a meeting type (review, promotion, joint, study, democratic_life, congress, other)", f.meetType)
	}
	if err := checkLang(f.lang); err != nil {
		return req, err
	}
	return req, nil
}

// checkLang rejects a --lang that no article can have: a typo would
// otherwise look like "no meetings found".
func checkLang(lang string) error {
	switch lang {
	case "", "zh", "en", "mixed":
		return nil
	}
	return usagef("--lang %q is not a language (zh, en, mixed)", lang)
}

// resolveTheme turns --theme into a theme id of the taxonomy: an id as it
// is, or a label or term that names exactly one theme (高质量发展,
// "high-quality development"). Anything else is a usage error rather than
// an empty result.
func resolveTheme(tax *taxonomy.Taxonomy, theme string) (string, error) {
	if theme == "" {
		return "", nil
	}
	if _, ok := tax.Theme(theme); ok {
		return theme, nil
	}
	if named := tax.ThemesInQuery(theme); len(named) == 1 {
		return named[0].ID, nil
	}
	return "", usagef("--theme %q is not a theme id of the taxonomy (see meetscan trends for the ids)", theme)
}

func newSearchCmd(e *env) *cobra.Command {
	var (
		filters       filterFlags
		sortBy        string
		limit, offset int
		asJSON        bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY [flags]",
		Short: "Search the indexed meetings, with filters and facets",
		Long: `Search finds meetings by words, people, organisations, years and themes.

QUERY uses query-string syntax: words (all must match), "exact phrases",
+required, -excluded, field:value (title, body, org, person, role, theme, type,
lang, year, req, url; year:>=2020). A query that names a theme in Chinese or
English (高质量发展, "high-quality development") also finds articles tagged with
that theme in the other language. An empty query ("") lists everything.`,
		Example: `  meetscan search 述职评议 --year 2023
  meetscan search '"high-quality development"' --type review --json
  meetscan search 全面从严治党 --org 某某研究院 --sort date`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			req, err := filters.request(args[0])
			if err != nil {
				return err
			}
			switch sortBy {
			case index.SortRelevance, index.SortDate, index.SortDateAsc:
			default:
				return usagef("--sort must be relevance, date or oldest, not %q", sortBy)
			}
			if limit < 1 || limit > 1000 || offset < 0 {
				return usagef("--limit must be 1 to 1000 and --offset at least 0")
			}
			req.Sort, req.Limit, req.Offset, req.Facets = sortBy, limit, offset, true
			ix, tax, closeIx, err := openIndex(cmd.Context(), e)
			if err != nil {
				return err
			}
			defer closeIx()
			if req.Theme, err = resolveTheme(tax, req.Theme); err != nil {
				return err
			}
			res, err := ix.Search(cmd.Context(), req)
			if err != nil {
				return queryError(err)
			}
			if asJSON {
				return writeSearchJSON(e.stdout, res)
			}
			writeSearchText(e.stdout, req, res, isTerminal(e.stdout))
			return nil
		},
	}
	filters.add(cmd)
	fl := cmd.Flags()
	fl.StringVar(&sortBy, "sort", index.SortRelevance, "order: relevance, date (newest first) or oldest")
	fl.IntVar(&limit, "limit", 10, "number of results")
	fl.IntVar(&offset, "offset", 0, "results to skip (paging)")
	fl.BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

func validMeetingType(t string) bool {
	for _, m := range []string{"review", "promotion", "joint", "study", "democratic_life", "congress", "other"} {
		if t == m {
			return true
		}
	}
	return false
}

// searchJSON is the --json shape of issue 4.
type searchJSON struct {
	Total        int                       `json:"total"`
	Hits         []hitJSON                 `json:"hits"`
	Facets       map[string]map[string]int `json:"facets"`
	CrossLingual []index.ThemeRef          `json:"cross_lingual,omitempty"`
}

type hitJSON struct {
	ID          string   `json:"id"`
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Published   *string  `json:"published"`
	MeetingDate *string  `json:"meeting_date"`
	Org         *string  `json:"org"`
	MeetingType *string  `json:"meeting_type"`
	Score       float64  `json:"score"`
	Snippets    []string `json:"snippets"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func writeSearchJSON(w io.Writer, res *index.Result) error {
	out := searchJSON{Total: res.Total, Hits: []hitJSON{}, Facets: res.Counts(), CrossLingual: res.CrossLingual}
	for _, h := range res.Hits {
		snips := h.Snippets
		if snips == nil {
			snips = []string{}
		}
		out.Hits = append(out.Hits, hitJSON{ID: h.ID, URL: h.URL, Title: h.Title,
			Published: nullable(h.Published), MeetingDate: nullable(h.MeetingDate),
			Org: nullable(h.Org), MeetingType: nullable(h.MeetingType), Score: h.Score, Snippets: snips})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeSearchText(w io.Writer, req index.Request, res *index.Result, color bool) {
	for _, t := range res.CrossLingual {
		fmt.Fprintf(w, "Also matching theme %q (%s / %s) in either language.\n", t.ID, t.LabelZH, t.LabelEN)
	}
	if res.Total == 0 {
		fmt.Fprintln(w, "No meetings found.")
		return
	}
	last := req.Offset + len(res.Hits)
	if len(res.Hits) == 0 { // paged past the end
		fmt.Fprintf(w, "%d meetings found; none from --offset %d on.\n", res.Total, req.Offset)
		return
	}
	fmt.Fprintf(w, "%d meetings found; showing %d-%d.\n\n", res.Total, req.Offset+1, last)
	for i, h := range res.Hits {
		date := h.MeetingDate
		if date == "" {
			date = h.Published
		}
		meta := joinNonEmpty(" · ", date, h.Org, h.MeetingType)
		fmt.Fprintf(w, "%d. %s\n", req.Offset+i+1, h.Title)
		if meta != "" {
			fmt.Fprintf(w, "   %s\n", meta)
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   … %s …\n", plainSnippet(s, color))
		}
		fmt.Fprintf(w, "   %s  (id %s)\n\n", h.URL, h.ID)
	}
	if last < res.Total {
		fmt.Fprintf(w, "More: --offset %d\n\n", last)
	}
	writeFacets(w, res)
}

func writeFacets(w io.Writer, res *index.Result) {
	names := []struct{ key, label string }{
		{index.FacetYear, "Year"}, {index.FacetType, "Meeting type"}, {index.FacetOrg, "Organisation"},
		{index.FacetTheme, "Theme"}, {index.FacetPerson, "Person"}, {index.FacetLang, "Language"},
	}
	for _, n := range names {
		terms := res.Facets[n.key]
		if len(terms) == 0 {
			continue
		}
		parts := make([]string, len(terms))
		for i, t := range terms {
			parts[i] = t.Term + " (" + strconv.Itoa(t.Count) + ")"
		}
		if n.key == index.FacetYear {
			sort.Strings(parts)
		}
		fmt.Fprintf(w, "%-13s %s\n", n.label+":", strings.Join(parts, ", "))
	}
}

// plainSnippet turns an HTML snippet (escaped text, matches in <mark>) into
// terminal text: matches bold when color is on, else in 【】.
func plainSnippet(s string, color bool) string {
	open, close := "【", "】"
	if color {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	s = strings.NewReplacer("<mark>", open, "</mark>", close, "\n", " ").Replace(s)
	// The caller frames the snippet with "…"; the highlighter's own
	// ellipses would double them.
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "…"), "…"))
	return htmlUnescape(s)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

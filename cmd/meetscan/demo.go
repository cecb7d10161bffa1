package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"meetscan/analysis/recurring"
	"meetscan/cmd/internal/pipeline"
	"meetscan/crawler"
	"meetscan/data/sample"
	"meetscan/index"
	"meetscan/index/trends"
)

func init() { register(newDemoCmd) }

func newDemoCmd(e *env) *cobra.Command {
	var (
		serve bool
		addr  string
	)
	cmd := &cobra.Command{
		Use:   "demo [--serve] [--data DIR]",
		Short: "Run the whole pipeline on the embedded sample site, offline",
		Long: `Demo serves the embedded sample site (a bilingual party-building news portal of
synthetic meeting reports, 2019-2024) on 127.0.0.1, crawls it with the real
crawler, analyses and indexes every article into a fresh data dir and prints a
summary: articles per year and type, rising and falling themes, the most
recurrent requirements and an example search in each language.

The data dir is temporary unless --data (or MEETSCAN_DATA) names one.
--serve then opens the web UI on the result.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			keep := cmd.Flags().Changed("data") || os.Getenv("MEETSCAN_DATA") != ""
			if !keep {
				dir, err := os.MkdirTemp("", "meetscan-demo-")
				if err != nil {
					return fmt.Errorf("demo: %w", err)
				}
				defer os.RemoveAll(dir)
				e.dataDir = dir
			}
			p, err := runDemo(ctx, e)
			if err != nil {
				return err
			}
			defer p.Close()
			if keep {
				fmt.Fprintf(e.stdout, "\nThe data is in %s: try  meetscan --data %s search 述职评议\n", e.dataDir, e.dataDir)
			}
			if serve {
				return serveOn(ctx, e, p, addr, nil, false)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&serve, "serve", false, "then serve the web UI on the demo data")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address of the web UI with --serve")
	return cmd
}

// runDemo crawls the sample site into e.dataDir and prints the summary.
func runDemo(ctx context.Context, e *env) (*pipeline.Pipeline, error) {
	start := time.Now()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo: serve sample site: %w", err)
	}
	site := &http.Server{Handler: sample.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go site.Serve(ln)
	defer site.Close()
	siteURL := "http://" + ln.Addr().String() + "/"
	facts := sample.Facts()
	fmt.Fprintf(e.stdout, "Sample site %q (%s) at %s\n", facts.Site, facts.SiteEN, siteURL)

	p, err := openPipeline(ctx, e, false)
	if err != nil {
		return nil, err
	}
	prog := newProgress(e.stderr)
	cfg := crawler.Config{
		StartURLs: []string{siteURL},
		Delay:     -1, // our own server on loopback: no need to wait
		Parallel:  4,
		Log:       e.log,
		Progress: func(s crawler.Stats) {
			prog.update("crawl: %d pages, %d articles", s.Pages, s.ArticlesNew+s.ArticlesUnchanged)
		},
	}
	sum, err := crawler.Crawl(ctx, cfg, p.Store, p)
	prog.done()
	if err != nil {
		p.Close()
		return nil, fmt.Errorf("demo: crawl: %w", err)
	}
	// A second demo on a kept data dir serves the site on another port: its
	// articles come back under new URLs and are duplicates of stored ones.
	fmt.Fprintf(e.stdout, "Crawled %d pages: %d new articles, %d unchanged, %d already stored under another URL, %d listing pages, %d blocked by robots.txt, %d errors (%s).\n",
		sum.Pages, sum.ArticlesNew, sum.ArticlesUnchanged, sum.ArticlesDuplicate, sum.Listings, sum.RobotsBlocked, sum.Errors, sum.Elapsed.Round(time.Millisecond))
	if err := writeDemoSummary(ctx, e.stdout, p); err != nil {
		p.Close()
		return nil, err
	}
	fmt.Fprintf(e.stdout, "\nDone in %s.\n", time.Since(start).Round(100*time.Millisecond))
	return p, nil
}

func writeDemoSummary(ctx context.Context, w io.Writer, p *pipeline.Pipeline) error {
	ix := p.Index
	byYear, err := ix.FacetByYear(ctx, index.Request{}, index.FacetType, 20)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(w, "\nArticles per year and meeting type:\n")
	writeYearTypeTable(w, byYear)

	tax := p.Analyzer.Taxonomy()
	tr, err := trends.Themes(ctx, ix, trends.Filter{}, trends.TaxonomyThemes(tax), trends.Options{})
	if err != nil {
		return fmt.Errorf("demo: trends: %w", err)
	}
	for _, dir := range []string{"rising", "falling"} {
		fmt.Fprintf(w, "\nTop %s themes (%v vs %v):\n", dir, tr.Compare.Study, tr.Compare.Reference)
		n := 0
		for _, t := range tr.Themes {
			if t.Trend != dir && !(dir == "rising" && t.Trend == "new") && !(dir == "falling" && t.Trend == "gone") {
				continue
			}
			fmt.Fprintf(w, "  %-30s %s  %5.1f%% → %5.1f%%  G²=%.1f p=%.3g\n",
				t.LabelEN+" ("+t.LabelZH+")", t.Trend, t.ReferenceShare, t.StudyShare, t.G2, t.P)
			if n++; n == 5 {
				break
			}
		}
		if n == 0 {
			fmt.Fprintf(w, "  none significant\n")
		}
	}

	groups, err := recurring.FromStore(ctx, p.Store, recurring.NewTokenizer(p.Analyzer.Segmenter()), recurring.Filter{}, recurring.Options{MinYears: 2})
	if err != nil {
		return fmt.Errorf("demo: requirements: %w", err)
	}
	fmt.Fprintf(w, "\nMost recurrent requirements:\n")
	for i, g := range groups[:min(5, len(groups))] {
		fmt.Fprintf(w, "  %d. ×%d, %d orgs, %s–%s: %s\n", i+1, g.Count, len(g.Orgs), g.FirstSeen, g.LastSeen, truncateRunes(g.Text, 70))
	}

	for _, q := range []string{"高质量发展", "party building brand"} {
		res, err := ix.Search(ctx, index.Request{Query: q, Limit: 3})
		if err != nil {
			return fmt.Errorf("demo: search %q: %w", q, err)
		}
		fmt.Fprintf(w, "\nmeetscan search %q → %d meetings", q, res.Total)
		for _, t := range res.CrossLingual {
			fmt.Fprintf(w, " (with theme %s in both languages)", t.ID)
		}
		fmt.Fprintln(w)
		for _, h := range res.Hits {
			fmt.Fprintf(w, "  %s  %s\n", firstNonEmpty(h.MeetingDate, h.Published), truncateRunes(h.Title, 60))
		}
	}
	return nil
}

func writeYearTypeTable(w io.Writer, byYear map[int][]index.FacetTerm) {
	var years []int
	for y := range byYear {
		if y > 0 {
			years = append(years, y)
		}
	}
	sort.Ints(years)
	types := []string{"review", "promotion", "joint", "study", "democratic_life", "congress", "other"}
	fmt.Fprintf(w, "  %-6s", "year")
	for _, t := range types {
		fmt.Fprintf(w, " %*s", max(len(t), 5), t)
	}
	fmt.Fprintf(w, " %6s\n", "total")
	for _, y := range years {
		counts := map[string]int{}
		total := 0
		for _, ft := range byYear[y] {
			counts[ft.Term] = ft.Count
			total += ft.Count
		}
		fmt.Fprintf(w, "  %-6d", y)
		for _, t := range types {
			fmt.Fprintf(w, " %*d", max(len(t), 5), counts[t])
		}
		fmt.Fprintf(w, " %6d\n", total)
	}
}

func truncateRunes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

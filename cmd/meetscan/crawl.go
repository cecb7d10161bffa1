package main

import (
	"fmt"
	"net/url"
	"time"

	"github.com/spf13/cobra"

	"meetscan/crawler"
)

func init() { register(newCrawlCmd) }

func newCrawlCmd(e *env) *cobra.Command {
	var (
		cfg      crawler.Config
		siteFile string
	)
	cmd := &cobra.Command{
		Use:   "crawl [flags] URL...",
		Short: "Gather published meeting articles from news sites",
		Long: `Crawl follows links within the start URLs' hosts (or a site profile's allowed
domains), walks listing pages and their pagination, recognises article pages by
their content and stores, analyses and indexes every article.

It is polite by default: robots.txt is honoured, each host gets --delay between
requests and at most --parallel requests in flight. A second crawl of the same
site fetches listing pages and only new articles. Ctrl-C stops cleanly; a re-run
continues an interrupted crawl.`,
		Example: `  meetscan crawl https://www.example.org/dzgz/
  meetscan crawl --site profiles/example.yaml --max-pages 200`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.StartURLs = args
			if siteFile != "" {
				p, err := crawler.LoadProfile(siteFile)
				if err != nil {
					return usagef("--site: %v", err)
				}
				cfg.Profile = p
			}
			if len(cfg.StartURLs) == 0 && (cfg.Profile == nil || len(cfg.Profile.StartURLs) == 0) {
				return usagef("crawl needs at least one start URL (or a --site profile with start_urls)")
			}
			// Checked before the data dir and the analyzer are opened, so a
			// typo costs nothing and exits 2.
			for _, s := range cfg.StartURLs {
				if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					return usagef("start URL %q is not an http(s) URL", s)
				}
			}
			if cfg.MaxPages < 0 || cfg.MaxDepth < 0 || cfg.Parallel < 1 {
				return usagef("--max-pages and --max-depth must be at least 0 and --parallel at least 1")
			}
			// The crawler's zero values mean "its default"; on the command
			// line 0 means none.
			if cfg.Delay == 0 {
				cfg.Delay = -1
			}
			if cfg.Retries == 0 {
				cfg.Retries = -1
			}
			return runCrawl(cmd, e, cfg)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&siteFile, "site", "", "site profile (YAML): link patterns and CSS selectors")
	fl.DurationVar(&cfg.Delay, "delay", crawler.DefaultDelay, "delay between requests to one host")
	fl.IntVar(&cfg.Parallel, "parallel", crawler.DefaultParallel, "requests in flight per host")
	fl.IntVar(&cfg.MaxPages, "max-pages", 0, "stop after fetching this many pages (0: no limit)")
	fl.IntVar(&cfg.MaxDepth, "max-depth", 0, "link hops from a start URL, pagination not counted (0: no limit)")
	fl.BoolVar(&cfg.IgnoreRobots, "ignore-robots", false, "ignore robots.txt (only for sites you run)")
	fl.StringVar(&cfg.UserAgent, "user-agent", crawler.DefaultUserAgent, "User-Agent header")
	fl.Int64Var(&cfg.MaxBodySize, "max-body", crawler.DefaultMaxBodySize, "largest page in bytes; larger pages are errors")
	fl.DurationVar(&cfg.Timeout, "timeout", crawler.DefaultTimeout, "per-request timeout")
	fl.IntVar(&cfg.Retries, "retries", crawler.DefaultRetries, "extra attempts on 5xx and timeouts")
	fl.BoolVar(&cfg.Recheck, "recheck", false, "re-fetch known articles too (conditional requests)")
	return cmd
}

// runCrawl crawls into the data dir's pipeline, showing progress on a
// terminal and a summary always.
func runCrawl(cmd *cobra.Command, e *env, cfg crawler.Config) error {
	ctx := cmd.Context()
	p, err := openPipeline(ctx, e, false)
	if err != nil {
		return err
	}
	defer p.Close()
	cfg.Log = e.log
	prog := newProgress(e.stderr)
	cfg.Progress = func(s crawler.Stats) {
		rate := 0.0
		if s.Elapsed > 0 {
			rate = float64(s.Pages) / s.Elapsed.Seconds()
		}
		prog.update("crawl: %d pages, %d new articles, %d unchanged, %d errors, %d queued, %.1f pages/s",
			s.Pages, s.ArticlesNew, s.ArticlesUnchanged, s.Errors, s.Queued, rate)
	}
	sum, err := crawler.Crawl(ctx, cfg, p.Store, p)
	prog.done()
	fmt.Fprintf(e.stderr, "crawl: %d new, %d unchanged (%s)\n", sum.ArticlesNew, sum.ArticlesUnchanged, sum)
	for _, pe := range sum.PageErrors {
		e.log.Info("page failed", "url", pe.URL, "status", pe.Status, "err", pe.Err)
	}
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("crawl interrupted after %s; run the same command again to continue", sum.Elapsed.Round(time.Millisecond))
		}
		return fmt.Errorf("crawl: %w", err)
	}
	// Nothing fetched at all (site down, wrong host): a failure, so that a
	// scheduled crawl does not report success for months.
	if sum.Pages > 0 && sum.Errors >= sum.Pages && len(sum.PageErrors) > 0 {
		pe := sum.PageErrors[0]
		why := pe.Err
		if why == "" {
			why = fmt.Sprintf("HTTP status %d", pe.Status)
		}
		return fmt.Errorf("crawl: no page could be fetched; %s: %s", pe.URL, why)
	}
	return nil
}

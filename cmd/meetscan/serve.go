package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/spf13/cobra"

	"meetscan/analysis/recurring"
	"meetscan/analysis/segment"
	"meetscan/cmd/internal/pipeline"
	"meetscan/cmd/internal/web"
	"meetscan/crawler"
)

func init() { register(newServeCmd) }

func newServeCmd(e *env) *cobra.Command {
	var (
		addr        string
		crawlURLs   []string
		allowWrites bool
	)
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--crawl URL...] [--allow-writes]",
		Short: "Serve the search, trends, requirements and report pages and the JSON API",
		Long: `Serve opens the data dir (store, analyzer and index) and serves the web pages
and the JSON API (/api/search, /api/articles/{id}, /api/trends, /api/context,
/api/requirements, /api/report) from this one process. While it runs it holds
the index: other meetscan commands say that "meetscan serve" has it and where.

It listens on 127.0.0.1 only unless --addr says otherwise. No endpoint changes
data unless --allow-writes is given, which adds POST /api/crawl. --crawl URL
crawls those sites in the background while serving; new articles become
searchable as they are indexed.`,
		Example: `  meetscan serve
  meetscan serve --addr 127.0.0.1:9000 --crawl https://www.example.org/dzgz/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return usagef("--addr %q: %v", addr, err)
			}
			if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
				fmt.Fprintf(e.stderr, "meetscan: warning: listening on %s, not on loopback: anyone who can reach it can read the data\n", addr)
			}
			for _, u := range crawlURLs {
				if !isHTTPURL(u) {
					return usagef("--crawl %q: not an http(s) URL", u)
				}
			}
			return runServe(cmd.Context(), e, addr, crawlURLs, allowWrites)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	fl.StringSliceVar(&crawlURLs, "crawl", nil, "crawl these start URLs in the background while serving")
	fl.BoolVar(&allowWrites, "allow-writes", false, "enable endpoints that change data (POST /api/crawl)")
	return cmd
}

func isHTTPURL(s string) bool {
	return len(s) > 8 && (s[:7] == "http://" || s[:8] == "https://")
}

func runServe(ctx context.Context, e *env, addr string, crawlURLs []string, allowWrites bool) error {
	p, err := openPipeline(ctx, e, false)
	if err != nil {
		return err
	}
	defer p.Close()
	return serveOn(ctx, e, p, addr, crawlURLs, allowWrites)
}

// serveOn serves the web UI and API on an open pipeline until ctx is done
// (also used by "meetscan demo --serve"), crawling crawlURLs in the
// background.
func serveOn(ctx context.Context, e *env, p *pipeline.Pipeline, addr string, crawlURLs []string, allowWrites bool) error {
	seg, err := segment.Shared(p.Analyzer.UserDict())
	if err != nil {
		return fmt.Errorf("load segmenter: %w", err)
	}
	tok := recurring.NewTokenizer(seg)
	var themes []web.Theme
	for _, t := range p.Analyzer.Taxonomy().Themes() {
		themes = append(themes, web.Theme{ID: t.ID, LabelEN: t.LabelEN, LabelZH: t.LabelZH})
	}
	tr := web.IndexTrends{Index: p.Index, Articles: p.Store, Themes: themes}
	crawl := pipelineCrawler{ctx: ctx, p: p, e: e}
	srv, err := web.New(web.Config{
		Search:       web.IndexSearcher{Index: p.Index},
		Articles:     p.Store,
		Trends:       tr,
		Context:      tr,
		Requirements: &web.StoreRequirements{Store: p.Store, Tokenizer: tok},
		Reports:      web.StoreReports{Store: p.Store, Tokenizer: tok},
		Themes:       themes,
		DataDir:      e.dataDir,
		AllowWrites:  allowWrites,
		Crawler:      crawl,
		Log:          e.log,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	url := "http://" + ln.Addr().String()
	p.Index.SetOwner("meetscan serve on " + url)
	remove, err := pipeline.WriteServerInfo(e.dataDir, pipeline.ServerInfo{PID: os.Getpid(), URL: url})
	if err != nil {
		ln.Close()
		return err
	}
	defer remove()
	fmt.Fprintf(e.stderr, "meetscan: serving %s (data %s; Ctrl-C to stop)\n", url, e.dataDir)
	if len(crawlURLs) > 0 {
		go func() {
			summary, err := crawl.Crawl(ctx, crawlURLs)
			if err != nil && ctx.Err() == nil {
				fmt.Fprintf(e.stderr, "meetscan: background crawl failed: %v\n", err)
				return
			}
			fmt.Fprintf(e.stderr, "meetscan: background crawl done: %s\n", summary)
		}()
	}
	if err := srv.Serve(ctx, ln, nil); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "meetscan: server stopped")
	return nil
}

// pipelineCrawler crawls into the served pipeline. Crawls live as long as
// the server (its ctx), not as long as the request that started them.
type pipelineCrawler struct {
	ctx context.Context
	p   *pipeline.Pipeline
	e   *env
}

func (c pipelineCrawler) Crawl(_ context.Context, urls []string) (string, error) {
	start := time.Now()
	sum, err := crawler.Crawl(c.ctx, crawler.Config{StartURLs: urls, Log: c.e.log}, c.p.Store, c.p)
	c.e.log.Info("crawl finished", "urls", urls, "took", time.Since(start), "summary", sum.String())
	return sum.String(), err
}

// Package crawler gathers meeting reports from organisations' news sites
// with colly, politely (robots.txt, per-host delay and parallelism, size and
// time limits), resumably (a persistent frontier in the store) and
// incrementally (known articles are not fetched again).
//
// Crawl drives a fixed pool of workers from the frontier kept in
// data.Store; each page's outcome (its state, its new links, its article)
// is committed in batches, so a crash loses at most the uncommitted pages,
// which are still in the frontier and are fetched again by the next run.
package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"mime"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"

	"meetscan/crawler/extract"
	"meetscan/data"
	"meetscan/data/warc"
)

// Defaults of Config.
const (
	DefaultUserAgent   = "meetscan/0.1 (+https://github.com/meetscan)"
	DefaultDelay       = time.Second
	DefaultParallel    = 2
	DefaultMaxBodySize = 10 << 20
	DefaultTimeout     = 30 * time.Second
	DefaultRetries     = 2
)

// Sink receives extracted articles; the pipeline stores, analyses and
// indexes them. The returned statuses are in the order of arts.
type Sink interface {
	Save(ctx context.Context, arts []*data.Article) ([]data.PutStatus, error)
}

// StoreSink saves articles to the store only.
type StoreSink struct{ Store *data.Store }

// Save implements Sink.
func (s StoreSink) Save(_ context.Context, arts []*data.Article) ([]data.PutStatus, error) {
	return s.Store.PutArticles(arts)
}

// Config is a crawl's configuration. The zero value of every field means
// its default.
type Config struct {
	StartURLs []string
	Profile   *SiteProfile // optional site profile; its start_urls are added to StartURLs

	Delay        time.Duration // between requests to one host; 0 = DefaultDelay, negative = none
	Parallel     int           // requests in flight per host; 0 = DefaultParallel
	MaxPages     int           // pages fetched in this run; 0 = no limit
	MaxDepth     int           // link hops from a start URL (pagination is free); 0 = no limit
	IgnoreRobots bool
	UserAgent    string        // "" = DefaultUserAgent
	MaxBodySize  int64         // bytes; larger responses are errors; 0 = DefaultMaxBodySize
	Timeout      time.Duration // per request; 0 = DefaultTimeout
	Retries      int           // extra attempts on 5xx/timeouts; 0 = DefaultRetries, negative = none
	RetryBackoff time.Duration // first backoff, doubled per attempt; 0 = 500ms
	// Recheck re-requests known articles conditionally (ETag/Last-Modified)
	// instead of skipping them.
	Recheck bool
	// NoCapture turns off the WARC capture of article responses.
	NoCapture bool

	Progress      func(Stats)   // called about every ProgressEvery while crawling
	ProgressEvery time.Duration // 0 = 1s
	Log           *slog.Logger  // nil = discard

	// BatchSize and FlushEvery bound how much finished work is held before
	// it is committed (the work a crash can cost). 0 = 64 pages / 250ms.
	BatchSize  int
	FlushEvery time.Duration
}

func (c *Config) setDefaults() {
	if c.Delay == 0 {
		c.Delay = DefaultDelay
	} else if c.Delay < 0 {
		c.Delay = 0
	}
	if c.Parallel <= 0 {
		c.Parallel = DefaultParallel
	}
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	if c.MaxBodySize <= 0 {
		c.MaxBodySize = DefaultMaxBodySize
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Retries == 0 {
		c.Retries = DefaultRetries
	} else if c.Retries < 0 {
		c.Retries = 0
	}
	if c.RetryBackoff <= 0 {
		c.RetryBackoff = 500 * time.Millisecond
	}
	if c.ProgressEvery <= 0 {
		c.ProgressEvery = time.Second
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 64
	}
	if c.FlushEvery <= 0 {
		c.FlushEvery = 250 * time.Millisecond
	}
}

// Stats are the running counters of a crawl.
type Stats struct {
	Pages             int // pages fetched, whatever the outcome (retries not counted)
	Listings          int // pages fetched that were not articles; their links were followed
	ArticlesNew       int
	ArticlesUpdated   int
	ArticlesUnchanged int // known articles: not fetched again, 304, or same content
	ArticlesDuplicate int // same content as a stored article under another URL
	Errors            int // pages that failed for good (4xx, 5xx after retries, too large, timeouts)
	Retries           int
	RobotsBlocked     int
	Traps             int // links refused as traps (calendars, query explosions, repeated segments)
	Offsite           int // links to hosts outside the crawl
	Queued            int // URLs waiting in the frontier
	Elapsed           time.Duration
}

// Summary is the outcome of Crawl.
type Summary struct {
	Stats
	Run        uint64      // crawl run number in the store
	Resumed    bool        // the run continued an interrupted one
	PageErrors []PageError // the first 100 errors
}

// PageError is one page that could not be crawled.
type PageError struct {
	URL    string
	Status int
	Err    string
}

func (s Summary) String() string {
	return fmt.Sprintf("%d pages, %d new, %d updated, %d unchanged, %d duplicate, %d listing pages, %d errors, %d blocked by robots.txt, %d traps skipped, %d queued, %s",
		s.Pages, s.ArticlesNew, s.ArticlesUpdated, s.ArticlesUnchanged, s.ArticlesDuplicate, s.Listings, s.Errors,
		s.RobotsBlocked, s.Traps, s.Queued, s.Elapsed.Round(time.Millisecond))
}

// outcome of one frontier item.
type outcome int

const (
	outListing outcome = iota
	outArticle
	outKnown       // known article, not fetched
	outNotModified // 304
	outRobots
	outError
	outSkipped // not HTML, etc.
	outAborted // cancelled or over budget: stays in the frontier
)

type result struct {
	item     data.FrontierItem
	out      outcome
	state    *data.PageState
	links    []data.FrontierItem
	art      *data.Article
	fetched  bool
	retries  int
	traps    int
	offsite  int
	err      error
	errState int
}

// crawl is one running Crawl.
type crawl struct {
	cfg     Config
	store   *data.Store
	sink    Sink
	run     uint64
	hosts   map[string]bool // allowed hosts (with port) from the start URLs
	f       *fetcher
	fetches atomic.Int64

	warcMu sync.Mutex
	warc   *warc.Writer
}

// Crawl crawls from cfg.StartURLs (and the frontier left by an interrupted
// run) until the frontier is empty, cfg.MaxPages pages were fetched or ctx
// is cancelled. Finished pages are committed before it returns; on
// cancellation it returns the summary and ctx's error. A nil sink stores
// articles in store directly.
func Crawl(ctx context.Context, cfg Config, store *data.Store, sink Sink) (Summary, error) {
	start := time.Now()
	cfg.setDefaults()
	if sink == nil {
		sink = StoreSink{Store: store}
	}
	k := &crawl{cfg: cfg, store: store, sink: sink, hosts: map[string]bool{}}
	var seeds []data.FrontierItem
	starts := append([]string(nil), cfg.StartURLs...)
	if cfg.Profile != nil {
		starts = append(starts, cfg.Profile.StartURLs...)
	}
	for _, s := range starts {
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Summary{}, fmt.Errorf("crawl: start URL %q is not an http(s) URL", s)
		}
		k.hosts[strings.ToLower(u.Host)] = true
		seeds = append(seeds, data.FrontierItem{URL: canonical(u.String())})
	}
	run, resumed, err := store.BeginCrawl()
	if err != nil {
		return Summary{}, err
	}
	if len(seeds) == 0 && !resumed {
		return Summary{}, errors.New("crawl: no start URLs and nothing to resume")
	}
	k.run = run
	if resumed {
		// The hosts of the interrupted run stay allowed.
		for after := uint64(0); ; {
			items, err := store.FrontierAfter(after, 1024)
			if err != nil {
				return Summary{}, err
			}
			if len(items) == 0 {
				break
			}
			for _, it := range items {
				if u, err := url.Parse(it.URL); err == nil {
					k.hosts[u.Host] = true
				}
			}
			after = items[len(items)-1].Seq
		}
	}
	if _, err := store.Enqueue(run, seeds); err != nil {
		return Summary{}, err
	}
	cfg.Log.Info("crawl started", "run", run, "resumed", resumed, "start_urls", len(seeds))
	sum, err := k.loop(ctx, start)
	sum.Run, sum.Resumed = run, resumed
	if k.warc != nil {
		if cerr := k.warc.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	sum.Elapsed = time.Since(start)
	cfg.Log.Info("crawl finished", "summary", sum.String())
	return sum, err
}

// loop dispatches frontier items to the workers and commits their results.
// Only this goroutine touches the counters and the store's frontier.
func (k *crawl) loop(ctx context.Context, start time.Time) (Summary, error) {
	fctx, cancelFetch := context.WithCancel(ctx)
	defer cancelFetch()
	k.f = newFetcher(fctx, &k.cfg, k.allowed)
	workers := k.cfg.Parallel * max(len(k.hosts), 1)
	workers = min(max(workers, 1), 64)
	jobs := make(chan data.FrontierItem)
	results := make(chan result, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for it := range jobs {
				results <- k.process(fctx, it)
			}
		})
	}
	var (
		sum      Summary
		buf      []data.FrontierItem
		cursor   uint64
		drained  bool // no items beyond cursor when last looked
		inflight int
		pending  []result
		loopErr  error
		stopping bool
	)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		err := k.commit(context.WithoutCancel(ctx), pending, &sum)
		pending = pending[:0]
		drained = false
		return err
	}
	ticker := time.NewTicker(k.cfg.FlushEvery)
	defer ticker.Stop()
	progress := time.NewTicker(k.cfg.ProgressEvery)
	defer progress.Stop()
	budgetLeft := func() bool { return k.cfg.MaxPages <= 0 || int(k.fetches.Load()) < k.cfg.MaxPages }
	done := ctx.Done()
	for {
		if !stopping && len(buf) == 0 && !drained {
			items, err := k.store.FrontierAfter(cursor, 256)
			if err != nil {
				loopErr, stopping = err, true
			} else if len(items) == 0 {
				drained = true
			} else {
				buf = items
				cursor = items[len(items)-1].Seq
			}
		}
		if !budgetLeft() {
			stopping = true
		}
		if inflight == 0 && (stopping || (len(buf) == 0 && drained)) {
			if len(pending) == 0 {
				break
			}
			// Committing may queue new links: look at the frontier again.
			if err := flush(); err != nil {
				loopErr, stopping = err, true
			}
			continue
		}
		var send chan data.FrontierItem
		var next data.FrontierItem
		if !stopping && len(buf) > 0 {
			send, next = jobs, buf[0]
		}
		select {
		case send <- next:
			buf = buf[1:]
			inflight++
		case r := <-results:
			inflight--
			if r.out == outAborted {
				if r.err != nil && ctx.Err() == nil && !errors.Is(r.err, errBudget) {
					loopErr, stopping = r.err, true
				}
				continue
			}
			pending = append(pending, r)
			if len(pending) >= k.cfg.BatchSize {
				if err := flush(); err != nil {
					loopErr, stopping = err, true
				}
			}
		case <-ticker.C:
			if err := flush(); err != nil {
				loopErr, stopping = err, true
			}
		case <-progress.C:
			if k.cfg.Progress != nil {
				st := sum.Stats
				st.Elapsed = time.Since(start)
				st.Queued, _ = k.store.FrontierLen()
				k.cfg.Progress(st)
			}
		case <-done:
			stopping = true
			done = nil // a closed channel would make this loop spin while in-flight pages return
		}
	}
	close(jobs)
	cancelFetch()
	wg.Wait()
	close(results)
	for r := range results { // workers that finished while we stopped
		if r.out != outAborted {
			pending = append(pending, r)
		}
	}
	if err := flush(); err != nil && loopErr == nil {
		loopErr = err
	}
	sum.Queued, _ = k.store.FrontierLen()
	if loopErr == nil && ctx.Err() != nil {
		loopErr = ctx.Err()
	}
	return sum, loopErr
}

// commit saves a batch of finished pages: captures synced, articles through
// the sink, then page states, new links and frontier removals in one
// transaction. Articles go first: if we die in between, the pages are
// fetched again and the store reports them unchanged, never twice.
func (k *crawl) commit(ctx context.Context, rs []result, sum *Summary) error {
	var arts []*data.Article
	var idx []int
	for i, r := range rs {
		if r.art != nil {
			arts = append(arts, r.art)
			idx = append(idx, i)
		}
	}
	if len(arts) > 0 {
		if k.warc != nil {
			if err := k.warc.Sync(); err != nil {
				return err
			}
		}
		st, err := k.sink.Save(ctx, arts)
		if err != nil {
			return fmt.Errorf("crawl: save articles: %w", err)
		}
		for j, s := range st {
			r := &rs[idx[j]]
			r.state.ArticleID = arts[j].ID
			switch s {
			case data.Added:
				sum.ArticlesNew++
			case data.Updated:
				sum.ArticlesUpdated++
			case data.Unchanged:
				sum.ArticlesUnchanged++
			case data.Duplicate:
				sum.ArticlesDuplicate++
			}
		}
	}
	commits := make([]data.PageCommit, len(rs))
	for i, r := range rs {
		commits[i] = data.PageCommit{Seq: r.item.Seq, State: r.state, Links: r.links}
		if r.fetched {
			sum.Pages++
		}
		sum.Retries += r.retries
		sum.Traps += r.traps
		sum.Offsite += r.offsite
		switch r.out {
		case outListing:
			sum.Listings++
		case outKnown, outNotModified:
			sum.ArticlesUnchanged++
		case outRobots:
			sum.RobotsBlocked++
		case outError:
			sum.Errors++
			if len(sum.PageErrors) < 100 {
				sum.PageErrors = append(sum.PageErrors, PageError{URL: r.item.URL, Status: r.errState, Err: errString(r.err)})
			}
		}
	}
	_, err := k.store.CommitPages(k.run, commits)
	return err
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

var errBudget = errors.New("page budget used up")

// process handles one frontier item: decide, fetch with retries, extract.
func (k *crawl) process(ctx context.Context, it data.FrontierItem) result {
	r := result{item: it}
	u, err := url.Parse(it.URL)
	if err != nil {
		r.out, r.err = outError, err
		r.state = &data.PageState{URL: it.URL, Kind: data.PageError, Err: err.Error(), Run: k.run, FetchedAt: time.Now()}
		return r
	}
	prev, perr := k.store.PageState(it.URL)
	if perr != nil && !errors.Is(perr, data.ErrNotFound) {
		r.out, r.err = outAborted, perr
		return r
	}
	var etag, lastMod string
	if prev != nil && prev.Kind == data.PageArticle {
		if !k.cfg.Recheck {
			r.out = outKnown
			return r
		}
		etag, lastMod = prev.ETag, prev.LastModified
	}
	if n := k.fetches.Add(1); k.cfg.MaxPages > 0 && n > int64(k.cfg.MaxPages) {
		r.out, r.err = outAborted, errBudget // stays in the frontier for the next run
		return r
	}
	log := k.cfg.Log.With("url", it.URL)
	var resp *response
	backoff := k.cfg.RetryBackoff
	for attempt := 0; ; attempt++ {
		resp, err = k.f.get(u.Scheme, u.Host, it.URL, etag, lastMod)
		if ctx.Err() != nil {
			r.out, r.err = outAborted, ctx.Err()
			return r
		}
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		if !retryable(status, err) || attempt >= k.cfg.Retries {
			break
		}
		r.retries++
		wait := backoff + rand.N(backoff/2+1)
		log.Debug("retrying", "attempt", attempt+1, "status", status, "err", err, "wait", wait)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			r.out, r.err = outAborted, ctx.Err()
			return r
		}
		backoff *= 2
	}
	now := time.Now()
	state := &data.PageState{URL: it.URL, Run: k.run, FetchedAt: now}
	r.state = state
	switch {
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		k.fetches.Add(-1) // nothing was fetched: not part of --max-pages
		r.out, state.Kind = outRobots, data.PageSkipped
		state.Err = "blocked by robots.txt"
		return r
	case err != nil:
		r.fetched = true
		r.out, r.err, state.Kind, state.Err = outError, err, data.PageError, err.Error()
		log.Warn("fetch failed", "err", err)
		return r
	}
	r.fetched = true
	state.Status = resp.StatusCode
	state.ETag = resp.Header.Get("ETag")
	state.LastModified = resp.Header.Get("Last-Modified")
	switch {
	case resp.StatusCode == 304 && prev != nil:
		*state = *prev
		state.Run, state.FetchedAt = k.run, now
		r.out = outNotModified
		return r
	case resp.StatusCode >= 300:
		r.out, r.errState, state.Kind = outError, resp.StatusCode, data.PageError
		r.err = fmt.Errorf("HTTP %d", resp.StatusCode)
		state.Err = r.err.Error()
		log.Warn("fetch failed", "status", resp.StatusCode)
		return r
	}
	sum := sha256.Sum256(resp.Body)
	state.BodyHash = hex.EncodeToString(sum[:])
	ct := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); ct != "" && (err != nil || (mt != "text/html" && mt != "application/xhtml+xml")) {
		r.out, state.Kind = outSkipped, data.PageSkipped
		state.Err = "not HTML: " + ct
		return r
	}
	if prev != nil && prev.Kind == data.PageArticle && prev.BodyHash == state.BodyHash {
		*state = *prev
		state.Run, state.FetchedAt = k.run, now
		r.out = outNotModified
		return r
	}
	opts := extract.Options{ContentType: ct}
	if p := k.cfg.Profile; p != nil {
		opts.Selectors, opts.MinBodyRunes = p.Selectors, p.MinBodyRunes
		if p.Charset != "" {
			opts.ContentType = "text/html; charset=" + p.Charset
		}
	}
	page := extract.Analyze(resp.Body, resp.URL, opts)
	isArticle := page.IsArticle || (page.Article != nil && k.cfg.Profile.isArticleURL(it.URL))
	r.links, r.traps, r.offsite = k.links(page.Links, it)
	if !isArticle {
		r.out, state.Kind = outListing, data.PageListing
		log.Debug("listing", "links", len(r.links), "reason", page.Reason)
		return r
	}
	art := page.Article
	// A page reached through a redirect is stored under where it lives.
	art.URL = it.URL
	if fu, err := url.Parse(resp.URL); err == nil && resp.URL != "" && k.allowed(fu) {
		art.URL = canonical(resp.URL)
	}
	art.FetchedAt = now.UTC()
	if !k.cfg.NoCapture {
		ref, err := k.capture(resp, now)
		if err != nil {
			r.out, r.err = outAborted, err
			return r
		}
		art.Capture = &ref
	}
	r.out, r.art, state.Kind = outArticle, art, data.PageArticle
	return r
}

// links turns a page's links into frontier items: same hosts only, traps
// and profile exclusions dropped, depth carried (pagination does not count).
func (k *crawl) links(ls []extract.Link, from data.FrontierItem) (items []data.FrontierItem, traps, offsite int) {
	seen := map[string]bool{}
	for _, l := range ls {
		u, err := url.Parse(l.URL)
		if err != nil {
			continue
		}
		if !k.allowed(u) {
			offsite++
			continue
		}
		c := canonical(l.URL)
		if seen[c] || c == from.URL {
			continue
		}
		seen[c] = true
		cu, err := url.Parse(c)
		if err != nil {
			continue
		}
		if reason := trapReason(cu); reason != "" {
			traps++
			k.cfg.Log.Debug("trap", "url", c, "reason", reason)
			continue
		}
		if !k.cfg.Profile.wantLink(c) {
			continue
		}
		if lower := strings.ToLower(cu.Path); hasSuffixAny(lower, ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar", ".jpg", ".jpeg", ".png", ".gif", ".mp4", ".mp3", ".css", ".js", ".wps", ".ppt", ".pptx") {
			continue
		}
		depth := from.Depth + 1
		if l.Pagination {
			depth = from.Depth
		}
		if k.cfg.MaxDepth > 0 && depth > k.cfg.MaxDepth {
			continue
		}
		items = append(items, data.FrontierItem{URL: c, Depth: depth, Referrer: from.URL})
	}
	return items, traps, offsite
}

// allowed reports whether u is on one of the crawl's hosts: the start URLs'
// hosts exactly (with port), their www./non-www. twins on default ports
// (sites redirect example.gov.cn to https://www.example.gov.cn), and the
// profile's allowed_domains.
func (k *crawl) allowed(u *url.URL) bool {
	if k.hosts[strings.ToLower(u.Host)] {
		return true
	}
	name := strings.ToLower(u.Hostname())
	if u.Port() == "" {
		bare := strings.TrimPrefix(name, "www.")
		if k.hosts[bare] || k.hosts["www."+bare] {
			return true
		}
	}
	return k.cfg.Profile.allowsHost(name)
}

func hasSuffixAny(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// capture writes the exchange to this run's WARC file, created on first use.
func (k *crawl) capture(resp *response, at time.Time) (data.CaptureRef, error) {
	k.warcMu.Lock()
	if k.warc == nil {
		// Several crawls may run within one second (tests, re-runs): the
		// random suffix keeps file names unique, Create refuses to overwrite.
		name := fmt.Sprintf("warc/crawl-%s-r%d-%d-%04x.warc.gz", at.UTC().Format("20060102T150405Z"), k.run, os.Getpid(), rand.N(1<<16))
		w, err := warc.Create(k.store.Dir(), name, k.cfg.UserAgent)
		if err != nil {
			k.warcMu.Unlock()
			return data.CaptureRef{}, err
		}
		k.warc = w
	}
	w := k.warc
	k.warcMu.Unlock()
	return w.WriteExchange(&warc.Exchange{URL: resp.URL, Date: at, ReqHeader: resp.ReqHeader,
		StatusCode: resp.StatusCode, RespHeader: resp.Header, Body: resp.Body})
}

package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"
)

// ErrTooLarge is reported for responses over Config.MaxBodySize. colly's
// own MaxBodySize truncates silently, so the limit is enforced below colly
// in the transport, where it can be detected.
var ErrTooLarge = errors.New("response body exceeds the size limit")

// jobHeader ties a request seen by the transport to the fetch that made it:
// colly gives no per-request context, and Go's client keeps custom headers
// across redirects. The transport removes it before the request leaves.
const jobHeader = "X-Meetscan-Fetch"

// response is a fetched page exactly as received (after transfer decoding).
type response struct {
	URL        string // final URL after redirects
	StatusCode int
	Header     http.Header
	ReqHeader  http.Header
	Body       []byte
	RemoteAddr string
}

// captureTransport reads bodies itself (with the size limit) and hands a
// copy of each response to the fetch that asked for it.
type captureTransport struct {
	base http.RoundTripper
	max  int64
	mu   sync.Mutex
	jobs map[string]*response
}

func (t *captureTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	id := req.Header.Get(jobHeader)
	if id != "" {
		req = req.Clone(req.Context())
		req.Header.Del(jobHeader)
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > t.max {
		resp.Body.Close()
		return nil, fmt.Errorf("%w (Content-Length %d > %d)", ErrTooLarge, resp.ContentLength, t.max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, t.max+1))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > t.max {
		return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, t.max)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	if id != "" {
		t.mu.Lock()
		if r := t.jobs[id]; r != nil {
			*r = response{URL: req.URL.String(), StatusCode: resp.StatusCode, Header: resp.Header.Clone(),
				ReqHeader: req.Header.Clone(), Body: body}
		}
		t.mu.Unlock()
	}
	return resp, nil
}

// fetcher wraps the one colly collector of a crawl.
type fetcher struct {
	c      *colly.Collector
	tr     *captureTransport
	seq    atomic.Uint64
	rulesM sync.Mutex
	rules  map[string]bool
	delay  time.Duration
	par    int
	robots bool         // honour robots.txt (and its Crawl-delay)
	client *http.Client // for robots.txt
	log    *slog.Logger
}

// maxCrawlDelay caps a site's Crawl-delay: a typo of 3600 should not stall
// the crawl for hours.
const maxCrawlDelay = 30 * time.Second

// newFetcher configures colly. This is the only place colly is set up:
// robots.txt on (colly ignores it by default), our own frontier instead of
// Async/queue (so no goroutine per URL and depth survives), revisits allowed
// (the store decides what was seen), no charset detection (extract decodes;
// colly mislabels GB-18030), HTTP errors passed through (we classify them),
// and a size-limiting transport.
func newFetcher(ctx context.Context, cfg *Config, allowed func(*url.URL) bool) *fetcher {
	c := colly.NewCollector(
		colly.UserAgent(cfg.UserAgent),
		colly.AllowURLRevisit(),
		colly.ParseHTTPErrorResponse(),
		colly.StdlibContext(ctx),
		colly.MaxBodySize(0), // the transport enforces the limit and reports it
	)
	c.IgnoreRobotsTxt = cfg.IgnoreRobots
	c.SetRequestTimeout(cfg.Timeout)
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConnsPerHost = max(cfg.Parallel, 2)
	base.ResponseHeaderTimeout = cfg.Timeout
	tr := &captureTransport{base: base, max: cfg.MaxBodySize, jobs: map[string]*response{}}
	c.WithTransport(tr)
	// Redirects stay on the crawl's hosts: a redirect elsewhere ends the
	// fetch with its 3xx response, which is reported as an error.
	c.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		if !allowed(req.URL) {
			return http.ErrUseLastResponse
		}
		return nil
	})
	return &fetcher{c: c, tr: tr, rules: map[string]bool{}, delay: cfg.Delay, par: cfg.Parallel,
		robots: !cfg.IgnoreRobots, client: &http.Client{Transport: tr, Timeout: cfg.Timeout}, log: cfg.Log}
}

// ensureRule adds the per-host LimitRule the first time a host is fetched.
// One rule per host: colly keeps one semaphore per rule, so a "*" rule would
// share the parallelism between all sites. Hosts include the port, as colly
// matches them.
//
// The host's robots.txt Crawl-delay, when longer than the configured delay,
// becomes the delay. colly checks robots.txt itself but does not expose the
// delay, so the file is read once more here.
func (f *fetcher) ensureRule(scheme, host string) error {
	f.rulesM.Lock()
	defer f.rulesM.Unlock()
	if f.rules[host] {
		return nil
	}
	f.rules[host] = true
	delay := f.delay
	if f.robots {
		if cd := f.crawlDelay(scheme, host); cd > delay {
			delay = min(cd, maxCrawlDelay)
			f.log.Info("using the site's Crawl-delay", "host", host, "delay", delay)
		}
	}
	return f.c.Limit(&colly.LimitRule{
		DomainRegexp: "^" + regexp.QuoteMeta(host) + "$",
		Parallelism:  f.par,
		Delay:        delay,
	})
}

// crawlDelay reads the Crawl-delay for our user agent; 0 when none or when
// robots.txt cannot be read.
func (f *fetcher) crawlDelay(scheme, host string) time.Duration {
	req, err := http.NewRequest(http.MethodGet, scheme+"://"+host+"/robots.txt", nil)
	if err != nil {
		return 0
	}
	req.Header.Set("User-Agent", f.c.UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	rd, err := robotstxt.FromResponse(resp)
	if err != nil {
		return 0
	}
	return rd.FindGroup(f.c.UserAgent).CrawlDelay
}

// get fetches one URL once. conditional adds If-None-Match/If-Modified-Since.
func (f *fetcher) get(scheme, host, u string, etag, lastMod string) (*response, error) {
	if err := f.ensureRule(scheme, host); err != nil {
		return nil, err
	}
	id := strconv.FormatUint(f.seq.Add(1), 10)
	r := &response{}
	f.tr.mu.Lock()
	f.tr.jobs[id] = r
	f.tr.mu.Unlock()
	defer func() {
		f.tr.mu.Lock()
		delete(f.tr.jobs, id)
		f.tr.mu.Unlock()
	}()
	hdr := http.Header{}
	hdr.Set(jobHeader, id)
	hdr.Set("User-Agent", f.c.UserAgent)
	hdr.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	if etag != "" {
		hdr.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		hdr.Set("If-Modified-Since", lastMod)
	}
	err := f.c.Request(http.MethodGet, u, nil, nil, hdr)
	if err != nil {
		return nil, err
	}
	f.tr.mu.Lock()
	defer f.tr.mu.Unlock()
	if r.StatusCode == 0 {
		return nil, fmt.Errorf("no response captured")
	}
	return r, nil
}

// retryable reports whether a failed fetch may succeed if tried again.
func retryable(status int, err error) bool {
	if err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, colly.ErrRobotsTxtBlocked) || errors.Is(err, context.Canceled) {
			return false
		}
		var ne net.Error
		if errors.As(err, &ne) {
			return true
		}
		return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
			errors.Is(err, net.ErrClosed)
	}
	return status >= 500 || status == http.StatusTooManyRequests || status == http.StatusRequestTimeout
}

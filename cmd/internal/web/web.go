// Package web serves meetscan's JSON API and its server-rendered pages
// (search, article, trends, context, requirements, report) from one process.
//
// The server depends only on the small consumer-side interfaces below, so it
// can be tested with fakes and wired to the real index, trends, requirements
// and report packages by adapters (adapt.go). Every page is rendered with
// html/template, all assets are embedded, and article text is always treated
// as untrusted: the only HTML taken from outside is the highlighted snippet,
// which is re-sanitised to allow <mark> alone.
package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"meetscan/data"
)

// ErrBadQuery marks a request the user must fix (a malformed query, an
// impossible filter). Adapters wrap the underlying parser error with it so
// the server answers 400 with the message.
var ErrBadQuery = errors.New("bad query")

// ErrNotFound marks an unknown id. data.ErrNotFound is recognised too.
var ErrNotFound = errors.New("not found")

// Filter narrows search, context and trend requests. Zero values mean "any".
type Filter struct {
	Year   int    `json:"year,omitempty"`
	From   int    `json:"from,omitempty"` // first year, inclusive
	To     int    `json:"to,omitempty"`   // last year, inclusive
	Org    string `json:"org,omitempty"`
	Person string `json:"person,omitempty"`
	Theme  string `json:"theme,omitempty"` // theme id
	Type   string `json:"type,omitempty"`  // meeting type
	Lang   string `json:"lang,omitempty"`  // zh, en, mixed
}

// SearchRequest is one search as the user asked for it.
type SearchRequest struct {
	Query  string `json:"query"`
	Filter Filter `json:"filter"`
	Sort   string `json:"sort"` // "relevance" or "date"
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// Hit is one search result. Snippets are HTML with <mark> around matches;
// the server re-sanitises them, everything else is plain text.
type Hit struct {
	ID          string   `json:"id"`
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Published   string   `json:"published"`
	MeetingDate string   `json:"meeting_date"`
	Org         string   `json:"org"`
	MeetingType string   `json:"meeting_type"`
	Year        int      `json:"year,omitempty"`
	Lang        string   `json:"lang,omitempty"`
	Score       float64  `json:"score"`
	TitleHTML   string   `json:"title_html,omitempty"` // title with <mark>, sanitised like snippets
	Snippets    []string `json:"snippets"`
}

// FacetCount is one value of a facet and the number of matching articles.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facet names, in display order.
var facetNames = []string{"year", "org", "theme", "type", "person"}

// SearchResult is the answer to a SearchRequest.
type SearchResult struct {
	Total  int                     `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"`
	// Themes the query named in either language; the search also matched
	// articles tagged with them (cross-lingual search).
	QueryThemes []Theme       `json:"query_themes,omitempty"`
	Took        time.Duration `json:"took_ns"`
}

// Theme is a taxonomy theme's id and labels.
type Theme struct {
	ID      string `json:"id"`
	LabelEN string `json:"label_en"`
	LabelZH string `json:"label_zh"`
}

// Searcher runs searches (the bleve index).
type Searcher interface {
	Search(ctx context.Context, req SearchRequest) (*SearchResult, error)
}

// ArticleSource gives the stored article and its analysis; *data.Store
// satisfies it.
type ArticleSource interface {
	Article(id string) (*data.Article, error)
	Analysis(id string) (*data.Analysis, error)
}

// TrendRequest asks for year-over-year rows by theme or by term.
type TrendRequest struct {
	By     string `json:"by"` // "theme" or "term"
	Filter Filter `json:"filter"`
}

// TrendRow is one theme's or term's documents and share per year, with the
// change of the last year against the one before and its significance.
type TrendRow struct {
	ID          string          `json:"id"`
	LabelEN     string          `json:"label_en"`
	LabelZH     string          `json:"label_zh"`
	DocsByYear  map[int]int     `json:"docs_by_year"`
	ShareByYear map[int]float64 `json:"share_by_year"` // percent of the year's meetings
	Change      float64         `json:"change"`        // percentage points
	G2          float64         `json:"g2"`
	P           float64         `json:"p"`
	Trend       string          `json:"trend"` // rising, falling, new, gone, steady
}

// Trends is the year-over-year table, most significant change first.
type Trends struct {
	Years          []int       `json:"years"`
	MeetingsByYear map[int]int `json:"meetings_by_year"`
	Rows           []TrendRow  `json:"themes"`
}

// QuerySeries is the attention one free query gets over time.
type QuerySeries struct {
	Query       string          `json:"query"`
	DocsByYear  map[int]int     `json:"docs_by_year"`
	ShareByYear map[int]float64 `json:"share_by_year"` // percent
}

// QueryTrends compares several queries year by year.
type QueryTrends struct {
	Years          []int         `json:"years"`
	MeetingsByYear map[int]int   `json:"meetings_by_year"`
	Series         []QuerySeries `json:"series"`
}

// Trender computes trends from the index.
type Trender interface {
	Trends(ctx context.Context, req TrendRequest) (*Trends, error)
	QueryTrends(ctx context.Context, queries []string, f Filter) (*QueryTrends, error)
}

// ContextRequest asks for keyword-in-context lines of a term.
type ContextRequest struct {
	Term   string `json:"term"`
	Filter Filter `json:"filter"`
	Limit  int    `json:"limit"`
}

// KWICLine is one occurrence of a term with its neighbouring words.
type KWICLine struct {
	ArticleID string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Year      int    `json:"year"`
	Org       string `json:"org"`
	Left      string `json:"left"`
	Match     string `json:"match"`
	Right     string `json:"right"`
}

// Contexter finds keyword-in-context lines.
type Contexter interface {
	Context(ctx context.Context, req ContextRequest) ([]KWICLine, error)
}

// RequirementFilter narrows the recurring requirement groups.
type RequirementFilter struct {
	From     int    `json:"from,omitempty"`
	To       int    `json:"to,omitempty"`
	Org      string `json:"org,omitempty"`
	MinYears int    `json:"min_years,omitempty"`
	Limit    int    `json:"limit,omitempty"`
}

// RequirementMember is one requirement of a group, in its article.
type RequirementMember struct {
	ArticleID string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Org       string `json:"org"`
	Date      string `json:"date"`
	Year      int    `json:"year"`
	Speaker   string `json:"speaker"`
	Text      string `json:"text"`
}

// RequirementGroup is a set of requirements saying the same thing.
type RequirementGroup struct {
	Representative string              `json:"representative"`
	Count          int                 `json:"count"`
	Years          []int               `json:"years"`
	Orgs           []string            `json:"orgs"`
	Speakers       []string            `json:"speakers"`
	Themes         []string            `json:"themes"`
	FirstSeen      string              `json:"first_seen"`
	LastSeen       string              `json:"last_seen"`
	Members        []RequirementMember `json:"members"`
}

// RequirementGrouper groups recurring requirements.
type RequirementGrouper interface {
	Groups(ctx context.Context, f RequirementFilter) ([]RequirementGroup, error)
}

// ReportRequest asks for the periodic report of the years From..To.
type ReportRequest struct {
	From, To int
	Format   string // "html" or "md"
}

// Reporter writes the periodic trend report.
type Reporter interface {
	Report(ctx context.Context, req ReportRequest, w io.Writer) error
}

// Crawler runs a crawl of the given start URLs into the store; used only
// when the server was started with writes allowed. The crawl outlives the
// request that started it: ctx is a background context, and an
// implementation should stop with the server instead.
type Crawler interface {
	Crawl(ctx context.Context, urls []string) (string, error) // summary line
}

// Config wires the server. Any part left nil answers 503 on its endpoints,
// so a server can run with a partial pipeline.
type Config struct {
	Search       Searcher
	Articles     ArticleSource
	Trends       Trender
	Context      Contexter
	Requirements RequirementGrouper
	Reports      Reporter
	// Themes gives labels for theme ids in facets and the trend chooser.
	Themes []Theme
	// DataDir resolves article capture paths (WARC files); "" disables the
	// capture endpoint.
	DataDir string
	// AllowWrites registers the endpoints that change data (POST /api/crawl).
	AllowWrites bool
	Crawler     Crawler
	Log         *slog.Logger
	// MaxSearches bounds the searches run at once (default two per CPU;
	// negative: no bound). Beyond it requests wait their turn in order,
	// which keeps the tail latency down when many clients search at once.
	MaxSearches int
	// RequestTimeout bounds the work of one request (default 30 s);
	// LongRequestTimeout that of the requests that read the whole store:
	// requirement grouping and reports (default 3 min).
	RequestTimeout     time.Duration
	LongRequestTimeout time.Duration
}

// Limits on what one request may ask for.
const (
	maxQueryLen   = 500 // bytes of a query or term
	maxBodyBytes  = 1 << 20
	maxLimit      = 100  // hits per page
	maxOffset     = 5000 // deep paging costs the index more than it helps a reader
	maxQueries    = 6    // free queries compared on the trends page
	maxFieldLen   = 200  // bytes of a filter value
	defaultLimit  = 20
	maxGroups     = 500
	maxKWIC       = 500
	maxCaptureLen = 32 << 20
)

// Server is the meetscan web server. It is an http.Handler.
type Server struct {
	cfg    Config
	mux    *http.ServeMux
	pages  *pageSet
	log    *slog.Logger
	themes map[string]Theme
	crawl  crawlJob
	slots  chan struct{} // search slots; nil: unbounded
}

// New builds a server from cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 30 * time.Second
	}
	if cfg.LongRequestTimeout <= 0 {
		cfg.LongRequestTimeout = 3 * time.Minute
	}
	cfg.LongRequestTimeout = max(cfg.LongRequestTimeout, cfg.RequestTimeout)
	pages, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), pages: pages, log: cfg.Log, themes: map[string]Theme{}}
	for _, t := range cfg.Themes {
		s.themes[t.ID] = t
	}
	if cfg.MaxSearches == 0 {
		cfg.MaxSearches = 2 * runtime.GOMAXPROCS(0)
	}
	if cfg.MaxSearches > 0 {
		s.slots = make(chan struct{}, cfg.MaxSearches)
	}
	s.routes()
	return s, nil
}

// search runs a search in one of the server's search slots, waiting for a
// free slot no longer than the request may take.
func (s *Server) search(ctx context.Context, req SearchRequest) (*SearchResult, error) {
	if s.cfg.Search == nil {
		return nil, errUnavailable
	}
	if s.slots != nil {
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return s.cfg.Search.Search(ctx, req)
}

// ServeHTTP applies the security headers, body and time limits to every
// request and dispatches it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	// Pages get a strict policy: scripts and styles only from this origin,
	// no inline script, nothing loaded from the web. Handlers serving
	// captured pages replace it with a stricter sandbox.
	h.Set("Content-Security-Policy", pageCSP)
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	}
	if len(r.URL.RawQuery) > 8*maxQueryLen {
		s.fail(w, r, fmt.Errorf("%w: request URL too long", ErrBadQuery))
		return
	}
	timeout := s.cfg.RequestTimeout
	switch r.URL.Path {
	case "/api/report", "/api/requirements", "/requirements":
		timeout = s.cfg.LongRequestTimeout
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	s.mux.ServeHTTP(rec, r.WithContext(ctx))
	s.log.Debug("http", "method", r.Method, "path", r.URL.Path, "status", rec.status, "took", time.Since(start))
}

// statusRecorder remembers the status code for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ListenAndServe serves on addr (127.0.0.1:8080 when empty) until ctx is
// cancelled, then shuts down gracefully. ready, if not nil, receives the
// address actually bound (useful with port 0).
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(addr string)) error {
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	return s.Serve(ctx, ln, ready)
}

// Serve serves on ln until ctx is cancelled.
func (s *Server) Serve(ctx context.Context, ln net.Listener, ready func(addr string)) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      s.cfg.LongRequestTimeout + 15*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

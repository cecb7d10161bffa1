package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"

	"meetscan/data"
	"meetscan/data/warc"
)

var errUnavailable = errors.New("not available in this server")

func (s *Server) routes() {
	m := s.mux
	static, _ := fs.Sub(staticFS, "static")
	fileServer := http.StripPrefix("/static/", http.FileServerFS(static))
	m.Handle("GET /static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(w, r)
	}))
	m.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})

	m.HandleFunc("GET /{$}", s.handleSearchPage)
	m.HandleFunc("GET /articles/{id}", s.handleArticlePage)
	m.HandleFunc("GET /articles/{id}/capture", s.handleCapture)
	m.HandleFunc("GET /trends", s.handleTrendsPage)
	m.HandleFunc("GET /context", s.handleContextPage)
	m.HandleFunc("GET /requirements", s.handleRequirementsPage)
	m.HandleFunc("GET /report", s.handleReportPage)

	m.HandleFunc("GET /api/search", s.apiSearch)
	m.HandleFunc("GET /api/articles/{id}", s.apiArticle)
	m.HandleFunc("GET /api/trends", s.apiTrends)
	m.HandleFunc("GET /api/context", s.apiContext)
	m.HandleFunc("GET /api/requirements", s.apiRequirements)
	m.HandleFunc("GET /api/report", s.apiReport)
	if s.cfg.AllowWrites && s.cfg.Crawler != nil {
		m.HandleFunc("POST /api/crawl", s.apiCrawl)
		m.HandleFunc("GET /api/crawl", s.apiCrawlStatus)
	}
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, fmt.Errorf("%w: no page %s", ErrNotFound, r.URL.Path))
	})
}

// status maps an error to its HTTP status.
func (s *Server) status(err error) int {
	switch {
	case errors.Is(err, ErrBadQuery):
		return http.StatusBadRequest
	case isNotFound(err):
		return http.StatusNotFound
	case errors.Is(err, errUnavailable):
		return http.StatusServiceUnavailable
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	case errors.Is(err, context.Canceled):
		return 499 // client went away; nobody reads the answer
	}
	return http.StatusInternalServerError
}

func isNotFound(err error) bool {
	return errors.Is(err, ErrNotFound) || errors.Is(err, data.ErrNotFound)
}

// publicMessage is the error text shown to the user: the message for
// their own mistakes, a generic line for server faults (logged in full).
func publicMessage(err error, status int) string {
	switch status {
	case http.StatusInternalServerError:
		return "internal error"
	case http.StatusGatewayTimeout:
		return "the request took too long"
	}
	return err.Error()
}

// fail answers an error as JSON under /api/ and as a page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := s.status(err)
	if status >= 500 {
		s.log.Error("request failed", "path", r.URL.Path, "status", status, "err", err)
	}
	msg := publicMessage(err, status)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]string{"error": msg})
		return
	}
	p := newPage(w, r, "", translate(pickLangNoCookie(r), "error"))
	p.Error = msg
	s.render(w, r, status, "error", p)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true) // article text stays inert even if served as HTML by mistake
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":"encoding response"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	pr := params{v: r.URL.Query()}
	req := pr.searchRequest()
	if pr.err != nil {
		s.fail(w, r, pr.err)
		return
	}
	if s.cfg.Search == nil {
		s.fail(w, r, errUnavailable)
		return
	}
	res, err := s.search(r.Context(), req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Snippets leave through the same sanitiser as on the pages, so API
	// clients that render them get the same guarantee.
	for i := range res.Hits {
		for j, sn := range res.Hits[i].Snippets {
			res.Hits[i].Snippets[j] = string(safeSnippet(sn))
		}
		if res.Hits[i].TitleHTML != "" {
			res.Hits[i].TitleHTML = string(safeSnippet(res.Hits[i].TitleHTML))
		}
	}
	if res.Hits == nil {
		res.Hits = []Hit{}
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	art, an, err := s.article(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Article  *data.Article  `json:"article"`
		Analysis *data.Analysis `json:"analysis"`
	}{art, an})
}

func (s *Server) apiTrends(w http.ResponseWriter, r *http.Request) {
	pr := params{v: r.URL.Query()}
	in := pr.trendsInput()
	by := pr.oneOf("by", "theme", "theme", "term")
	if pr.err != nil {
		s.fail(w, r, pr.err)
		return
	}
	if s.cfg.Trends == nil {
		s.fail(w, r, errUnavailable)
		return
	}
	if len(in.Queries) > 0 {
		qt, err := s.cfg.Trends.QueryTrends(r.Context(), in.Queries, in.Filter)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, qt)
		return
	}
	t, err := s.cfg.Trends.Trends(r.Context(), TrendRequest{By: by, Filter: in.Filter})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(in.Themes) > 0 {
		var rows []TrendRow
		for _, row := range t.Rows {
			for _, id := range in.Themes {
				if row.ID == id {
					rows = append(rows, row)
				}
			}
		}
		t.Rows = rows
	}
	if t.Rows == nil {
		t.Rows = []TrendRow{}
	}
	writeJSON(w, http.StatusOK, t)
}

func (s *Server) apiContext(w http.ResponseWriter, r *http.Request) {
	pr := params{v: r.URL.Query()}
	term := pr.str("term", maxQueryLen)
	f := pr.filter()
	limit := pr.num("limit", 100, 1, maxKWIC)
	if term == "" && pr.err == nil {
		pr.fail("parameter term is required")
	}
	if pr.err != nil {
		s.fail(w, r, pr.err)
		return
	}
	if s.cfg.Context == nil {
		s.fail(w, r, errUnavailable)
		return
	}
	lines, err := s.cfg.Context.Context(r.Context(), ContextRequest{Term: term, Filter: f, Limit: limit})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if lines == nil {
		lines = []KWICLine{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"term": term, "lines": lines})
}

func (s *Server) apiRequirements(w http.ResponseWriter, r *http.Request) {
	pr := params{v: r.URL.Query()}
	f := pr.requirementFilter()
	if pr.err != nil {
		s.fail(w, r, pr.err)
		return
	}
	if s.cfg.Requirements == nil {
		s.fail(w, r, errUnavailable)
		return
	}
	groups, err := s.cfg.Requirements.Groups(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if groups == nil {
		groups = []RequirementGroup{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"groups": groups})
}

func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) {
	pr := params{v: r.URL.Query()}
	year := pr.year("year")
	req := ReportRequest{From: pr.year("from"), To: pr.year("to"), Format: pr.oneOf("format", "html", "html", "md")}
	download := pr.oneOf("download", "", "1", "0", "true", "false")
	if year != 0 {
		req.From, req.To = year, year
	}
	switch {
	case pr.err != nil:
	case req.From == 0 && req.To == 0:
		pr.fail("give year=Y or from=Y&to=Y")
	case req.From == 0:
		req.From = req.To
	case req.To == 0:
		req.To = req.From
	}
	if pr.err == nil && req.From > req.To {
		pr.fail("year range %d–%d is empty", req.From, req.To)
	}
	if pr.err != nil {
		s.fail(w, r, pr.err)
		return
	}
	if s.cfg.Reports == nil {
		s.fail(w, r, errUnavailable)
		return
	}
	var buf bytes.Buffer
	if err := s.cfg.Reports.Report(r.Context(), req, &buf); err != nil {
		s.fail(w, r, err)
		return
	}
	name := fmt.Sprintf("meetscan-report-%d", req.From)
	if req.To != req.From {
		name += fmt.Sprintf("-%d", req.To)
	}
	h := w.Header()
	if req.Format == "md" {
		name += ".md"
		h.Set("Content-Type", "text/markdown; charset=utf-8")
	} else {
		name += ".html"
		h.Set("Content-Type", "text/html; charset=utf-8")
		// The report is a self-contained document with its own inline
		// styles; viewed in place it runs no script and loads nothing.
		h.Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	}
	if download == "1" || download == "true" || req.Format == "md" {
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	}
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
}

// handleCapture serves the archived HTTP response of an article from its
// WARC record. The page is from the open web: it is served sandboxed (no
// script, no plugins, no requests to anywhere) or, with ?as=text, as plain
// text.
func (s *Server) handleCapture(w http.ResponseWriter, r *http.Request) {
	if s.cfg.DataDir == "" {
		s.fail(w, r, errUnavailable)
		return
	}
	art, _, err := s.article(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if art.Capture == nil {
		s.fail(w, r, fmt.Errorf("%w: article %s has no archived capture", ErrNotFound, art.ID))
		return
	}
	ref := *art.Capture
	if !localPath(ref.File) || ref.Length > maxCaptureLen {
		s.fail(w, r, fmt.Errorf("%w: capture of %s is outside the archive", ErrNotFound, art.ID))
		return
	}
	rec, err := warc.ReadAt(s.cfg.DataDir, ref)
	if err != nil {
		s.fail(w, r, fmt.Errorf("capture of %s: %w", art.ID, err))
		return
	}
	_, header, body, err := rec.HTTPResponse()
	if err != nil {
		s.fail(w, r, fmt.Errorf("capture of %s: %w", art.ID, err))
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	h.Set("Cache-Control", "no-store")
	ct := header.Get("Content-Type")
	mt, ps, _ := mime.ParseMediaType(ct)
	charset := ps["charset"]
	if r.URL.Query().Get("as") == "text" || (mt != "text/html" && mt != "application/xhtml+xml") {
		mt = "text/plain"
	}
	out := mt
	if charset != "" && validCharset(charset) {
		out = mime.FormatMediaType(mt, map[string]string{"charset": charset})
	}
	h.Set("Content-Type", out)
	h.Set("X-Meetscan-Capture-URL", sanitizeHeader(rec.TargetURI()))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// localPath accepts a slash-separated path below the data dir.
func localPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return false
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." || part == "" {
			return false
		}
	}
	return true
}

func validCharset(c string) bool {
	if len(c) > 40 {
		return false
	}
	for _, b := range []byte(c) {
		if !isAlnum(b) && b != '-' && b != '_' && b != '.' && b != ':' {
			return false
		}
	}
	return true
}

func sanitizeHeader(v string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, v)
}

// crawlJob is the one crawl a server runs at a time.
type crawlJob struct {
	mu       sync.Mutex
	running  bool
	started  time.Time
	finished time.Time
	urls     []string
	summary  string
	err      string
}

func (s *Server) apiCrawl(w http.ResponseWriter, r *http.Request) {
	var body struct {
		URLs []string `json:"urls"`
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		s.fail(w, r, fmt.Errorf("%w: body: %v", ErrBadQuery, err))
		return
	}
	if len(body.URLs) == 0 || len(body.URLs) > 50 {
		s.fail(w, r, fmt.Errorf("%w: give 1 to 50 urls", ErrBadQuery))
		return
	}
	for _, u := range body.URLs {
		if len(u) > 2000 || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
			s.fail(w, r, fmt.Errorf("%w: %q is not an http(s) URL", ErrBadQuery, truncRunes(u, 80)))
			return
		}
	}
	s.crawl.mu.Lock()
	defer s.crawl.mu.Unlock()
	if s.crawl.running {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "a crawl is already running"})
		return
	}
	s.crawl.running, s.crawl.started, s.crawl.urls, s.crawl.summary, s.crawl.err = true, time.Now(), body.URLs, "", ""
	go func(urls []string) {
		// The crawl outlives the request; it stops with the process.
		summary, err := s.cfg.Crawler.Crawl(context.Background(), urls)
		s.crawl.mu.Lock()
		defer s.crawl.mu.Unlock()
		s.crawl.running, s.crawl.finished, s.crawl.summary = false, time.Now(), summary
		if err != nil {
			s.crawl.err = err.Error()
			s.log.Error("crawl", "err", err)
		}
	}(body.URLs)
	writeJSON(w, http.StatusAccepted, map[string]any{"started": true, "urls": body.URLs})
}

func (s *Server) apiCrawlStatus(w http.ResponseWriter, r *http.Request) {
	s.crawl.mu.Lock()
	defer s.crawl.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"running": s.crawl.running, "urls": s.crawl.urls, "summary": s.crawl.summary, "error": s.crawl.err,
		"started": s.crawl.started, "finished": s.crawl.finished,
	})
}

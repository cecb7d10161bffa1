// Package data holds meetscan's article model, its on-disk store and the
// embedded assets (taxonomy, user dictionary, sample site).
package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Shanghai is the time zone of the publishing sites. A fixed zone avoids a
// dependency on the machine's tzdata.
var Shanghai = time.FixedZone("CST", 8*3600)

// Article is one published meeting report as stored by meetscan.
type Article struct {
	ID          string      `json:"id"`
	URL         string      `json:"url"`
	Site        string      `json:"site,omitempty"` // host name the article was found on
	Title       string      `json:"title"`
	Published   PubTime     `json:"published"`
	Source      string      `json:"source,omitempty"` // 来源: the publishing unit as written
	Author      string      `json:"author,omitempty"` // author, 供稿, 撰稿, "Submitted by"
	Lang        string      `json:"lang,omitempty"`   // "zh", "en" or "mixed"
	Body        string      `json:"body"`             // clean text, paragraphs separated by "\n"
	FetchedAt   time.Time   `json:"fetched_at,omitempty"`
	ContentHash string      `json:"content_hash,omitempty"`
	Capture     *CaptureRef `json:"capture,omitempty"`
}

// Record is one line of meetscan's JSONL interchange format: what `meetscan
// import` reads and `meetscan gen` writes (an export line has these fields
// too, plus the analysis).
type Record struct {
	ID        string  `json:"id,omitempty"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Published PubTime `json:"published"`
	Body      string  `json:"body"`
	Source    string  `json:"source,omitempty"`
	Author    string  `json:"author,omitempty"`
	Lang      string  `json:"lang,omitempty"`
}

// CaptureRef locates the raw HTTP response an article was extracted from,
// inside a WARC file of the data dir.
type CaptureRef struct {
	File   string `json:"file"`   // path relative to the data dir
	Offset int64  `json:"offset"` // byte offset of the record (of its gzip member)
	Length int64  `json:"length"` // byte length of the record on disk
}

// Paragraphs returns the non-empty paragraphs of the body.
func (a *Article) Paragraphs() []string {
	var ps []string
	for _, p := range strings.Split(a.Body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// Normalize fills the derived fields (ID, Site, ContentHash) and tidies the
// text fields. Call it before storing an article.
func (a *Article) Normalize() {
	a.Title = strings.TrimSpace(collapseSpace(cleanText(a.Title)))
	a.Body = cleanText(a.Body)
	a.Body = strings.Join(a.Paragraphs(), "\n")
	a.Source = collapseSpace(cleanText(a.Source))
	a.Author = collapseSpace(cleanText(a.Author))
	if a.URL != "" {
		a.URL = CanonicalURL(a.URL)
		if u, err := url.Parse(a.URL); err == nil && a.Site == "" {
			a.Site = u.Hostname()
		}
	}
	a.ContentHash = ContentHash(a.Title, a.Body)
	if a.ID == "" {
		a.ID = ArticleID(a.URL, a.ContentHash)
	}
}

// ArticleID is the stable id of an article: derived from its canonical URL,
// or from its content when it has no URL.
func ArticleID(canonicalURL, contentHash string) string {
	if canonicalURL == "" {
		return "h" + contentHash[:15]
	}
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:8])
}

// ContentHash identifies an article's text regardless of white space, so the
// same report published under two URLs is recognised.
func ContentHash(title, body string) string {
	h := sha256.New()
	for _, r := range title + "\n" + body {
		if unicode.IsSpace(r) {
			continue
		}
		var b [utf8.UTFMax]byte
		h.Write(b[:utf8.EncodeRune(b[:], r)])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cleanText drops control characters other than line breaks and tabs, and
// invalid UTF-8: they come from binary files or broken pages and would
// otherwise reach titles, the index and the web page.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\n' && r != '\t') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\r':
			b.WriteByte('\n')
		case r == utf8.RuneError, unicode.IsControl(r) && r != '\n' && r != '\t':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CanonicalURL normalises a URL so that trivially different spellings of the
// same page compare equal: lower-case scheme and host, default ports and the
// fragment dropped, query parameters sorted, tracking parameters removed.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.TrimSpace(raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && u.Port() == "80") || (u.Scheme == "https" && u.Port() == "443") {
		u.Host = u.Hostname()
	}
	u.Fragment = ""
	u.RawFragment = ""
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || lk == "jsessionid" || lk == "phpsessid" || lk == "sid" || lk == "sessionid" {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode() // Encode sorts by key
	}
	return u.String()
}

// PubTime is a publication time known to the day or to the minute.
type PubTime struct {
	Time     time.Time
	HasClock bool // false when only the day is known
}

// IsZero reports whether the publication time is unknown.
func (p PubTime) IsZero() bool { return p.Time.IsZero() }

// Date returns the day as YYYY-MM-DD, or "" when unknown.
func (p PubTime) Date() string {
	if p.IsZero() {
		return ""
	}
	return p.Time.In(Shanghai).Format(time.DateOnly)
}

// String formats the time as YYYY-MM-DD or YYYY-MM-DD HH:MM.
func (p PubTime) String() string {
	if p.IsZero() {
		return ""
	}
	if p.HasClock {
		return p.Time.In(Shanghai).Format("2006-01-02 15:04")
	}
	return p.Date()
}

// MarshalJSON writes null, "YYYY-MM-DD" or an RFC 3339 time.
func (p PubTime) MarshalJSON() ([]byte, error) {
	switch {
	case p.IsZero():
		return []byte("null"), nil
	case p.HasClock:
		return json.Marshal(p.Time.In(Shanghai).Format(time.RFC3339))
	default:
		return json.Marshal(p.Date())
	}
}

// UnmarshalJSON accepts null, "", a day or a time in the layouts of ParsePubTime.
func (p *PubTime) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = PubTime{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("published: %w", err)
	}
	t, err := ParsePubTime(s)
	if err != nil {
		return err
	}
	*p = t
	return nil
}

var pubLayouts = []struct {
	layout string
	clock  bool
}{
	{time.RFC3339, true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02 15:04:05", true},
	{"2006-01-02 15:04", true},
	{"2006-01-02", false},
	{"2006/01/02", false},
	{"2006.01.02", false},
	{"2006/1/2", false},
	{"2006-1-2", false},
}

// ParsePubTime parses a publication time written as a day (2024-01-04,
// 2024/01/04) or a time (2024-01-04 21:12, RFC 3339). Times without a zone
// are in Shanghai time. The empty string is the zero PubTime.
func ParsePubTime(s string) (PubTime, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return PubTime{}, nil
	}
	for _, l := range pubLayouts {
		if t, err := time.ParseInLocation(l.layout, s, Shanghai); err == nil {
			return PubTime{Time: t, HasClock: l.clock}, nil
		}
	}
	return PubTime{}, fmt.Errorf("published %q: not a date (want YYYY-MM-DD or YYYY-MM-DD HH:MM)", s)
}

// Package importfile reads articles from local files: .txt (first line is
// the title), .html/.htm (extracted like crawled pages) and .jsonl (one
// article per line, the field names of `meetscan export`). Folders are read
// recursively. A bad file or line is reported and skipped; the rest is read.
package importfile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"meetscan/crawler/extract"
	"meetscan/data"
)

// Options apply to single files. URL and Published fill in what a file does
// not say; with a folder they are an error (they would apply to every file).
type Options struct {
	URL       string
	Published data.PubTime
	// MaxFileSize bounds the files read; 0 means 64 MiB.
	MaxFileSize int64
	// Now is the fetched-at time recorded; zero means time.Now().
	Now time.Time
}

// Record is one line of a JSONL import (and of `meetscan export`).
type Record = data.Record

// Error is a file (and line, for JSONL) that could not be imported.
type Error struct {
	Path string
	Line int // 0 for whole files
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrUnsupported is reported for files of another type inside a folder
// given explicitly (unsupported files found by walking are ignored).
var ErrUnsupported = errors.New("unsupported file type (want .txt, .html, .htm or .jsonl)")

// Read reads the articles in path, a file or a folder. The articles are
// normalised (ID, hash) and ready for data.Store.PutArticles.
func Read(path string, opts Options) ([]*data.Article, []error) {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = 64 << 20
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, []error{&Error{Path: path, Err: err}}
	}
	if !st.IsDir() {
		return readFile(path, opts)
	}
	if opts.URL != "" || !opts.Published.IsZero() {
		return nil, []error{&Error{Path: path, Err: errors.New("--url and --published apply to a single file, not a folder")}}
	}
	var files []string
	var errs []error
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &Error{Path: p, Err: err})
			return nil
		}
		if !d.IsDir() && supported(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &Error{Path: path, Err: err})
	}
	sort.Strings(files)
	var arts []*data.Article
	for _, f := range files {
		a, e := readFile(f, opts)
		arts = append(arts, a...)
		errs = append(errs, e...)
	}
	return arts, errs
}

// ErrBinary is reported for files that are not text (a NUL byte near the
// start, as in images or archives renamed .txt or .html). No text encoding
// meetscan reads (UTF-8, GBK, GB18030, Big5) uses NUL bytes.
var ErrBinary = errors.New("not a text file (binary content)")

func isBinary(b []byte) bool {
	return bytes.IndexByte(b[:min(len(b), 8192)], 0) >= 0
}

func supported(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".html", ".htm", ".jsonl":
		return true
	}
	return false
}

func readFile(path string, opts Options) ([]*data.Article, []error) {
	if !supported(path) {
		return nil, []error{&Error{Path: path, Err: ErrUnsupported}}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, []error{&Error{Path: path, Err: err}}
	}
	defer f.Close()
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return readJSONL(path, f, opts)
	}
	b, err := io.ReadAll(io.LimitReader(f, opts.MaxFileSize+1))
	if err != nil {
		return nil, []error{&Error{Path: path, Err: err}}
	}
	if int64(len(b)) > opts.MaxFileSize {
		return nil, []error{&Error{Path: path, Err: fmt.Errorf("larger than %d bytes", opts.MaxFileSize)}}
	}
	if isBinary(b) {
		return nil, []error{&Error{Path: path, Err: ErrBinary}}
	}
	var a *data.Article
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		a, err = FromText(b)
	default:
		a, err = extract.Extract(b, opts.URL, extract.Options{})
	}
	if err != nil {
		return nil, []error{&Error{Path: path, Err: err}}
	}
	if opts.URL != "" {
		a.URL = opts.URL
	}
	if !opts.Published.IsZero() {
		a.Published = opts.Published
	}
	a.FetchedAt = opts.Now.UTC()
	a.Normalize()
	return []*data.Article{a}, nil
}

// labelOnly matches a metadata label whose value is on the next line, as
// text copied from a page often has it ("Published Time:" / "2024-01-04 21:12").
var labelOnly = regexp.MustCompile(`(?i)^(发布时间|发布日期|发表时间|时间|日期|来源|信息来源|文章来源|作者|供稿|浏览次数|点击次数|published\s*time|release\s*time|release\s*date|published|date|source|author|views)\s*[:：]?$`)

var dateLabelOnly = regexp.MustCompile(`(?i)(时间|日期|published|release|date)`)

// headerLines is how far into a text file metadata lines are looked for.
const headerLines = 8

// FromText reads a plain-text article: the first line that is not page
// furniture is the title, the rest the body (one paragraph per line).
// Metadata near the top — info lines ("来源:… 发布时间:… 作者:…", "Date:
// 2019-12-30 Views: 14") and labels with their value on the next line
// ("Published Time:" / "2024-01-04 21:12") — fill the article's fields and
// are left out of the body, as are breadcrumb and counter lines anywhere.
func FromText(b []byte) (*data.Article, error) {
	text, _ := extract.ToUTF8(b, "text/plain")
	a := &data.Article{}
	var lines []string // title and body, in order
	n := 0
	pendingDate, sawInfo := false, false
	for _, l := range strings.Split(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		n++
		if n <= headerLines {
			if m := labelOnly.FindStringSubmatch(l); m != nil {
				pendingDate = dateLabelOnly.MatchString(m[1])
				continue
			}
			if pendingDate {
				pendingDate = false
				if t, ok := extract.ParseDate(l); ok && len(l) <= 40 && extract.StartsWithDate(l) {
					a.Published = t
					continue
				}
			}
			// Info lines before noise: "点击次数"/"编辑:" sit on them too.
			if in, ok := extract.ParseInfoLine(l); ok && len(lines) > 0 {
				if a.Published.IsZero() {
					a.Published = in.Published
				}
				if a.Source == "" {
					a.Source = in.Source
				}
				if a.Author == "" {
					a.Author = in.Author
				}
				// The info line sits under the heading: lines before the
				// heading were page furniture ("A1版:集团新闻…").
				if !sawInfo && len(lines) > 1 && len(lines) <= 3 {
					lines = lines[len(lines)-1:]
				}
				sawInfo = true
				continue
			}
		}
		if extract.IsBoilerplateLine(l) {
			continue
		}
		// A <title> with the site's suffix followed by the bare heading.
		if len(lines) == 1 && n <= headerLines && l != lines[0] && strings.HasPrefix(lines[0], l) &&
			strings.IndexAny(strings.TrimPrefix(lines[0], l), "_|-—–｜ ") == 0 {
			lines[0] = l
			continue
		}
		if len(lines) == 1 && l == lines[0] {
			continue
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		return nil, errors.New("empty file")
	}
	if len(lines) == 1 {
		return nil, errors.New("no body after the title line")
	}
	a.Title = lines[0]
	a.Body = strings.Join(lines[1:], "\n")
	a.Lang = extract.DetectLang(a.Title + "\n" + a.Body)
	return a, nil
}

func readJSONL(path string, r io.Reader, opts Options) ([]*data.Article, []error) {
	var arts []*data.Article
	var errs []error
	br := bufio.NewReaderSize(r, 1<<20)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			a, perr := ParseRecord(b)
			if perr != nil {
				errs = append(errs, &Error{Path: path, Line: line, Err: perr})
			} else {
				a.FetchedAt = opts.Now.UTC()
				arts = append(arts, a)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, &Error{Path: path, Line: line, Err: err})
			break
		}
	}
	return arts, errs
}

// ParseRecord parses one JSONL line into a normalised article.
func ParseRecord(b []byte) (*data.Article, error) {
	if !utf8.Valid(b) {
		return nil, errors.New("not UTF-8")
	}
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("bad JSON: %w", err)
	}
	if strings.TrimSpace(rec.Title) == "" || strings.TrimSpace(rec.Body) == "" {
		return nil, errors.New("title and body are required")
	}
	a := &data.Article{URL: rec.URL, Title: rec.Title, Published: rec.Published, Body: rec.Body,
		Source: rec.Source, Author: rec.Author, Lang: rec.Lang}
	if a.Lang == "" {
		a.Lang = extract.DetectLang(a.Title + "\n" + a.Body)
	}
	a.Normalize()
	return a, nil
}

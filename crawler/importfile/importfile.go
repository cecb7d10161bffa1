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
type Record struct {
	ID        string       `json:"id,omitempty"`
	URL       string       `json:"url"`
	Title     string       `json:"title"`
	Published data.PubTime `json:"published"`
	Body      string       `json:"body"`
	Source    string       `json:"source,omitempty"`
	Author    string       `json:"author,omitempty"`
	Lang      string       `json:"lang,omitempty"`
}

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

// FromText reads a plain-text article: the first non-empty line is the
// title, the rest the body (one paragraph per line). A date labelled
// 发布时间/Published… in the first lines becomes the publication time.
func FromText(b []byte) (*data.Article, error) {
	text, _ := extract.ToUTF8(b, "text/plain")
	lines := strings.Split(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n")
	var title string
	var body []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if title == "" {
			title = l
			continue
		}
		body = append(body, l)
	}
	if title == "" {
		return nil, errors.New("empty file")
	}
	if len(body) == 0 {
		return nil, errors.New("no body after the title line")
	}
	a := &data.Article{Title: title, Body: strings.Join(body, "\n")}
	for i := 0; i < len(body) && i < 3; i++ {
		if t, ok := extract.LabelledDate(body[i]); ok {
			a.Published = t
			break
		}
	}
	a.Lang = extract.DetectLang(title + "\n" + a.Body)
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

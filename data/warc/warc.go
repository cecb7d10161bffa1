// Package warc writes and reads WARC 1.1 files (ISO 28500): the web-archive
// format meetscan keeps every fetched response in, so that extraction can be
// re-run offline and researchers can cite pages that later disappear.
//
// Every record is its own gzip member, the convention of .warc.gz files, so
// a record can be read back from its offset alone without decompressing the
// file from the start.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"meetscan/data"
)

// Version is the WARC version line written and accepted.
const Version = "WARC/1.1"

// Record is one WARC record: its named header fields and its content block.
type Record struct {
	Header textproto.MIMEHeader // WARC-Type, WARC-Record-ID, WARC-Date, …
	Block  []byte
}

// Type returns the WARC-Type field.
func (r *Record) Type() string { return r.Header.Get("WARC-Type") }

// TargetURI returns the WARC-Target-URI field.
func (r *Record) TargetURI() string { return r.Header.Get("WARC-Target-URI") }

// Exchange is one HTTP request and its response as the crawler saw them.
// Body is the payload after transfer/content decoding; the response header
// written to the archive is adjusted to match it (see WriteExchange).
type Exchange struct {
	URL        string
	Date       time.Time
	Method     string // GET when empty
	ReqHeader  http.Header
	Proto      string // HTTP/1.1 when empty
	StatusCode int
	RespHeader http.Header
	Body       []byte
	RemoteAddr string // WARC-IP-Address, optional
}

// Writer appends records to one .warc.gz file. It is safe for concurrent use.
type Writer struct {
	mu      sync.Mutex
	f       *os.File
	rel     string // file name relative to the data dir
	infoID  string // WARC-Record-ID of the warcinfo record
	off     int64
	buf     bytes.Buffer
	zw      *gzip.Writer
	scratch bytes.Buffer
}

// Create starts a new WARC file at dataDir/rel (directories are created) and
// writes its warcinfo record. rel is what CaptureRefs will name.
func Create(dataDir, rel, software string) (*Writer, error) {
	path := filepath.Join(dataDir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("warc: %w", err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, fmt.Errorf("warc: %w", err)
	}
	w := &Writer{f: f, rel: filepath.ToSlash(rel)}
	w.zw, _ = gzip.NewWriterLevel(&w.buf, gzip.BestSpeed)
	info := "software: " + software + "\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
	w.infoID = NewRecordID()
	h := textproto.MIMEHeader{}
	h.Set("WARC-Type", "warcinfo")
	h.Set("WARC-Record-ID", w.infoID)
	h.Set("WARC-Date", formatDate(time.Now()))
	h.Set("WARC-Filename", filepath.Base(rel))
	h.Set("Content-Type", "application/warc-fields")
	if _, err := w.WriteRecord(h, []byte(info)); err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

// File returns the file name relative to the data dir.
func (w *Writer) File() string { return w.rel }

// WriteRecord writes one record with the given fields (WARC-Record-ID,
// Content-Length and WARC-Block-Digest are added) and returns where it is.
func (w *Writer) WriteRecord(h textproto.MIMEHeader, block []byte) (data.CaptureRef, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.writeLocked(h, block)
}

func (w *Writer) writeLocked(h textproto.MIMEHeader, block []byte) (data.CaptureRef, error) {
	if w.f == nil {
		return data.CaptureRef{}, errors.New("warc: writer closed")
	}
	if h.Get("WARC-Record-ID") == "" {
		h.Set("WARC-Record-ID", NewRecordID())
	}
	if h.Get("WARC-Date") == "" {
		h.Set("WARC-Date", formatDate(time.Now()))
	}
	h.Set("Content-Length", strconv.Itoa(len(block)))
	h.Set("WARC-Block-Digest", Digest(block))

	w.scratch.Reset()
	w.scratch.WriteString(Version + "\r\n")
	writeFields(&w.scratch, h)
	w.scratch.WriteString("\r\n")
	w.buf.Reset()
	w.zw.Reset(&w.buf)
	w.zw.Write(w.scratch.Bytes())
	w.zw.Write(block)
	w.zw.Write([]byte("\r\n\r\n"))
	if err := w.zw.Close(); err != nil {
		return data.CaptureRef{}, fmt.Errorf("warc: %w", err)
	}
	// One write per record: after a crash the file holds whole records plus
	// at most one torn trailing member, which readers never reach by offset.
	n, err := w.f.Write(w.buf.Bytes())
	ref := data.CaptureRef{File: w.rel, Offset: w.off, Length: int64(n)}
	w.off += int64(n)
	if err != nil {
		return data.CaptureRef{}, fmt.Errorf("warc %s: %w", w.rel, err)
	}
	return ref, nil
}

// writeFields writes the WARC fields in a fixed order (WARC-Type first, the
// rest sorted) so files are reproducible and easy to read.
func writeFields(b *bytes.Buffer, h textproto.MIMEHeader) {
	keys := make([]string, 0, len(h))
	for k := range h {
		if k != "Warc-Type" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	if t := h.Get("WARC-Type"); t != "" {
		b.WriteString("WARC-Type: " + t + "\r\n")
	}
	for _, k := range keys {
		for _, v := range h[k] {
			b.WriteString(fieldName(k) + ": " + sanitize(v) + "\r\n")
		}
	}
}

// fieldName restores the WARC spelling of canonicalised MIME keys.
func fieldName(k string) string {
	if strings.HasPrefix(k, "Warc-") {
		k = "WARC-" + k[5:]
	}
	switch {
	case strings.HasSuffix(k, "-Id"):
		k = k[:len(k)-2] + "ID"
	case strings.HasSuffix(k, "-Uri"):
		k = k[:len(k)-3] + "URI"
	}
	return strings.Replace(k, "-Ip-", "-IP-", 1)
}

func sanitize(v string) string {
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(v)
}

// WriteExchange writes a request record and a response record (linked by
// WARC-Concurrent-To) and returns the location of the response record.
//
// The Go HTTP client undoes gzip transfer compression, so the stored HTTP
// header drops Content-Encoding/Transfer-Encoding and gets a Content-Length
// that matches the stored payload: the record is a faithful, replayable
// description of the bytes we archived, not of the wire encoding.
func (w *Writer) WriteExchange(x *Exchange) (data.CaptureRef, error) {
	if x.Date.IsZero() {
		x.Date = time.Now()
	}
	method := x.Method
	if method == "" {
		method = http.MethodGet
	}
	proto := x.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	date := formatDate(x.Date)
	respID := NewRecordID()

	var req bytes.Buffer
	reqURI := x.URL
	host := ""
	if i := strings.Index(x.URL, "://"); i >= 0 {
		rest := x.URL[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			host, reqURI = rest, "/"
		} else {
			host, reqURI = rest[:j], rest[j:]
		}
	}
	fmt.Fprintf(&req, "%s %s %s\r\nHost: %s\r\n", method, reqURI, proto, host)
	writeHTTPHeader(&req, x.ReqHeader, nil)
	req.WriteString("\r\n")

	var resp bytes.Buffer
	fmt.Fprintf(&resp, "%s %d %s\r\n", proto, x.StatusCode, http.StatusText(x.StatusCode))
	writeHTTPHeader(&resp, x.RespHeader, map[string]bool{"Content-Encoding": true, "Transfer-Encoding": true, "Content-Length": true})
	fmt.Fprintf(&resp, "Content-Length: %d\r\n\r\n", len(x.Body))
	resp.Write(x.Body)

	w.mu.Lock()
	defer w.mu.Unlock()
	rh := textproto.MIMEHeader{}
	rh.Set("WARC-Type", "request")
	rh.Set("WARC-Target-URI", x.URL)
	rh.Set("WARC-Date", date)
	rh.Set("WARC-Concurrent-To", respID)
	rh.Set("WARC-Warcinfo-ID", w.infoID)
	rh.Set("Content-Type", "application/http;msgtype=request")
	if _, err := w.writeLocked(rh, req.Bytes()); err != nil {
		return data.CaptureRef{}, err
	}
	sh := textproto.MIMEHeader{}
	sh.Set("WARC-Type", "response")
	sh.Set("WARC-Record-ID", respID)
	sh.Set("WARC-Target-URI", x.URL)
	sh.Set("WARC-Date", date)
	sh.Set("WARC-Payload-Digest", Digest(x.Body))
	sh.Set("WARC-Warcinfo-ID", w.infoID)
	if x.RemoteAddr != "" {
		sh.Set("WARC-IP-Address", x.RemoteAddr)
	}
	sh.Set("Content-Type", "application/http;msgtype=response")
	return w.writeLocked(sh, resp.Bytes())
}

func writeHTTPHeader(b *bytes.Buffer, h http.Header, skip map[string]bool) {
	keys := make([]string, 0, len(h))
	for k := range h {
		if !skip[http.CanonicalHeaderKey(k)] && !strings.EqualFold(k, "Host") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			b.WriteString(k + ": " + sanitize(v) + "\r\n")
		}
	}
}

// Sync flushes the file to stable storage. The crawler calls it before it
// commits articles that point into the file.
func (w *Writer) Sync() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return nil
	}
	return w.f.Sync()
}

// Close syncs and closes the file.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return nil
	}
	err := w.f.Sync()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.f = nil
	return err
}

// NewRecordID returns a fresh <urn:uuid:…> record id (UUID version 4).
func NewRecordID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Digest returns the WARC digest ("sha1:" + base32) of b.
func Digest(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

func formatDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// ErrFormat reports a malformed WARC record.
var ErrFormat = errors.New("warc: malformed record")

// maxRecord bounds what one record may claim, so a corrupt length field
// cannot make the reader allocate gigabytes.
const maxRecord = 256 << 20

// Reader reads records one after the other from a .warc.gz or .warc stream.
type Reader struct {
	br *bufio.Reader
	zr *gzip.Reader
	gz bool
}

// NewReader reads records from r, which may be gzip-compressed per record
// (.warc.gz) or plain (.warc).
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	rd := &Reader{br: br}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("warc: %w", err)
		}
		rd.zr, rd.gz = zr, true
		rd.br = bufio.NewReader(zr)
	}
	return rd, nil
}

// Next returns the next record, or io.EOF after the last one.
func (r *Reader) Next() (*Record, error) {
	return readRecord(r.br)
}

func readRecord(br *bufio.Reader) (*Record, error) {
	var line string
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			if err == io.EOF && strings.TrimSpace(l) == "" {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		if strings.TrimSpace(l) != "" {
			line = strings.TrimSpace(l)
			break
		}
	}
	if !strings.HasPrefix(line, "WARC/1.") {
		return nil, fmt.Errorf("%w: version line %q", ErrFormat, truncate(line))
	}
	h, err := textproto.NewReader(br).ReadMIMEHeader()
	if err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrFormat, err)
	}
	n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil || n < 0 || n > maxRecord {
		return nil, fmt.Errorf("%w: Content-Length %q", ErrFormat, h.Get("Content-Length"))
	}
	block := make([]byte, n)
	if _, err := io.ReadFull(br, block); err != nil {
		return nil, fmt.Errorf("%w: block: %v", ErrFormat, err)
	}
	// The two CRLFs that end a record.
	for range 2 {
		if b, err := br.Peek(2); err == nil && string(b) == "\r\n" {
			br.Discard(2)
		}
	}
	return &Record{Header: h, Block: block}, nil
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// ReadAt reads the record a CaptureRef points at; paths are relative to dataDir.
func ReadAt(dataDir string, ref data.CaptureRef) (*Record, error) {
	if ref.File == "" || ref.Length <= 0 || ref.Length > maxRecord || ref.Offset < 0 {
		return nil, fmt.Errorf("warc: bad capture reference %+v", ref)
	}
	f, err := os.Open(filepath.Join(dataDir, filepath.FromSlash(ref.File)))
	if err != nil {
		return nil, fmt.Errorf("warc: %w", err)
	}
	defer f.Close()
	rd, err := NewReader(io.NewSectionReader(f, ref.Offset, ref.Length))
	if err != nil {
		return nil, fmt.Errorf("warc %s@%d: %w", ref.File, ref.Offset, err)
	}
	rec, err := rd.Next()
	if err != nil {
		return nil, fmt.Errorf("warc %s@%d: %w", ref.File, ref.Offset, err)
	}
	return rec, nil
}

// HTTPResponse parses the block of a response record.
func (r *Record) HTTPResponse() (status int, header http.Header, body []byte, err error) {
	if r.Type() != "response" {
		return 0, nil, nil, fmt.Errorf("%w: %s record is not a response", ErrFormat, r.Type())
	}
	br := bufio.NewReader(bytes.NewReader(r.Block))
	line, err := br.ReadString('\n')
	if err != nil {
		return 0, nil, nil, fmt.Errorf("%w: status line: %v", ErrFormat, err)
	}
	f := strings.Fields(line)
	if len(f) < 2 || !strings.HasPrefix(f[0], "HTTP/") {
		return 0, nil, nil, fmt.Errorf("%w: status line %q", ErrFormat, truncate(line))
	}
	status, err = strconv.Atoi(f[1])
	if err != nil {
		return 0, nil, nil, fmt.Errorf("%w: status %q", ErrFormat, f[1])
	}
	mh, err := textproto.NewReader(br).ReadMIMEHeader()
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, nil, nil, fmt.Errorf("%w: http header: %v", ErrFormat, err)
	}
	body, err = io.ReadAll(br)
	if err != nil {
		return 0, nil, nil, err
	}
	return status, http.Header(mh), body, nil
}

// ReadResponse reads back the archived HTTP response a CaptureRef points at:
// the URL it was fetched from, its header and its payload.
func ReadResponse(dataDir string, ref data.CaptureRef) (targetURI string, header http.Header, body []byte, err error) {
	rec, err := ReadAt(dataDir, ref)
	if err != nil {
		return "", nil, nil, err
	}
	_, header, body, err = rec.HTTPResponse()
	if err != nil {
		return "", nil, nil, fmt.Errorf("warc %s@%d: %w", ref.File, ref.Offset, err)
	}
	return rec.TargetURI(), header, body, nil
}

package warc_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"meetscan/data"
	"meetscan/data/warc"
)

func TestWriteAndReadBack(t *testing.T) {
	dir := t.TempDir()
	w, err := warc.Create(dir, "warc/test.warc.gz", "meetscan-test")
	if err != nil {
		t.Fatal(err)
	}
	bodies := [][]byte{[]byte("<html><body>一</body></html>"), bytes.Repeat([]byte("x"), 100000), {}}
	var refs []data.CaptureRef
	for i, b := range bodies {
		ref, err := w.WriteExchange(&warc.Exchange{
			URL:        "http://127.0.0.1:8080/p" + string(rune('a'+i)) + ".html?q=1",
			Date:       time.Date(2024, 1, 4, 13, 12, 0, 0, time.UTC),
			ReqHeader:  http.Header{"User-Agent": {"meetscan"}},
			StatusCode: 200,
			RespHeader: http.Header{"Content-Type": {"text/html; charset=GBK"}, "Content-Encoding": {"gzip"}, "Content-Length": {"12"}},
			Body:       b,
		})
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, ref)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for i, ref := range refs {
		if ref.File != "warc/test.warc.gz" || ref.Length <= 0 {
			t.Fatalf("ref %+v", ref)
		}
		uri, hdr, body, err := warc.ReadResponse(dir, ref)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(body, bodies[i]) || !strings.HasSuffix(uri, ".html?q=1") || hdr.Get("Content-Type") != "text/html; charset=GBK" {
			t.Errorf("record %d: %q %v %d bytes", i, uri, hdr, len(body))
		}
		if hdr.Get("Content-Encoding") != "" {
			t.Errorf("stored header keeps Content-Encoding of a decoded body")
		}
		rec, _ := warc.ReadAt(dir, ref)
		if rec.Header.Get("WARC-Payload-Digest") != warc.Digest(bodies[i]) || rec.Header.Get("WARC-Date") != "2024-01-04T13:12:00Z" {
			t.Errorf("record %d header %v", i, rec.Header)
		}
	}

	// The whole file reads sequentially with any gzip reader: warcinfo,
	// then request/response pairs.
	f, _ := os.Open(filepath.Join(dir, "warc/test.warc.gz"))
	defer f.Close()
	raw, err := io.ReadAll(mustGzip(t, f))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(raw, []byte("WARC/1.1\r\n")); n != 7 {
		t.Errorf("%d records, want 7", n)
	}
	for _, h := range []string{"WARC-Type: warcinfo", "WARC-Type: request", "WARC-Type: response", "WARC-Record-ID: <urn:uuid:", "WARC-Target-URI: http://127.0.0.1:8080/pa.html?q=1", "WARC-Concurrent-To: <urn:uuid:", "WARC-Warcinfo-ID: <urn:uuid:", "WARC-Block-Digest: sha1:", "WARC-Payload-Digest: sha1:", "Content-Type: application/http;msgtype=response"} {
		if !bytes.Contains(raw, []byte(h)) {
			t.Errorf("file lacks %q", h)
		}
	}
	rd, err := warc.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec.Header.Get("WARC-Block-Digest") != warc.Digest(rec.Block) {
			t.Errorf("block digest mismatch in %s", rec.Type())
		}
		types = append(types, rec.Type())
	}
	if strings.Join(types, ",") != "warcinfo,request,response,request,response,request,response" {
		t.Errorf("types %v", types)
	}
}

func mustGzip(t *testing.T, r io.Reader) io.Reader {
	zr, err := gzip.NewReader(r)
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

func TestTornTail(t *testing.T) {
	// A crash mid-write leaves a partial member at the end; records before
	// it stay readable by reference.
	dir := t.TempDir()
	w, _ := warc.Create(dir, "a.warc.gz", "t")
	ref, err := w.WriteExchange(&warc.Exchange{URL: "http://h/", StatusCode: 200, Body: []byte("ok")})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	f, _ := os.OpenFile(filepath.Join(dir, "a.warc.gz"), os.O_APPEND|os.O_WRONLY, 0)
	f.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0})
	f.Close()
	if _, _, body, err := warc.ReadResponse(dir, ref); err != nil || string(body) != "ok" {
		t.Fatalf("%q %v", body, err)
	}
	if _, err := warc.ReadAt(dir, data.CaptureRef{File: "a.warc.gz", Offset: ref.Offset + ref.Length, Length: 6}); err == nil {
		t.Error("torn record read without error")
	}
	if _, err := warc.ReadAt(dir, data.CaptureRef{File: "../x", Offset: 0, Length: 0}); err == nil {
		t.Error("bad ref accepted")
	}
}

func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	buf.WriteString("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 38\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok\r\n\r\n")
	f.Add(buf.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, b []byte) {
		rd, err := warc.NewReader(bytes.NewReader(b))
		if err != nil {
			return
		}
		for range 100 {
			rec, err := rd.Next()
			if err != nil {
				return
			}
			rec.HTTPResponse()
		}
	})
}

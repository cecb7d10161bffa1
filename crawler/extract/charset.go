package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// ToUTF8 decodes an HTML page to UTF-8 and returns the name of the charset
// it used. The order is: a byte order mark, the charset in the Content-Type
// header, a <meta> declaration in the first 1024 bytes, then sniffing.
//
// colly's own DetectCharset is not used: chardet answers "GB-18030", which
// the WHATWG label table does not know, and colly falls back to
// windows-1252 (see docs/crawler.md). GB2312 and GBK labels are decoded as
// GB18030, their superset, which is what browsers do.
func ToUTF8(body []byte, contentType string) ([]byte, string) {
	if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		return body[3:], "utf-8"
	}
	if name := labelFromContentType(contentType); name != "" {
		if out, ok := decode(body, name); ok {
			return out, name
		}
	}
	if name := metaCharset(body); name != "" {
		if out, ok := decode(body, name); ok {
			return out, name
		}
	}
	if utf8.Valid(body) {
		return body, "utf-8"
	}
	name := "gb18030"
	if r, err := chardet.NewTextDetector().DetectBest(body); err == nil {
		if n := normalizeLabel(r.Charset); n != "" && n != "utf-8" && r.Confidence >= 50 {
			name = n
		}
	}
	if out, ok := decode(body, name); ok {
		return out, name
	}
	return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
}

func labelFromContentType(ct string) string {
	ct = strings.ToLower(ct)
	i := strings.Index(ct, "charset=")
	if i < 0 {
		return ""
	}
	v := ct[i+len("charset="):]
	if j := strings.IndexAny(v, "; "); j >= 0 {
		v = v[:j]
	}
	return normalizeLabel(strings.Trim(v, `"'`))
}

// metaCharset runs the HTML5 prescan over the first 1024 bytes.
func metaCharset(body []byte) string {
	head := body
	if len(head) > 1024 {
		head = head[:1024]
	}
	_, name, certain := charset.DetermineEncoding(head, "text/html")
	if !certain && !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return ""
	}
	return normalizeLabel(name)
}

// normalizeLabel maps charset labels, including chardet's spellings, to a
// WHATWG encoding name; "" when unknown.
func normalizeLabel(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	switch l {
	case "":
		return ""
	case "gb-18030", "gb18030", "gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312":
		return "gb18030"
	case "big5", "big-5", "big5-hkscs", "cp950":
		return "big5"
	case "utf8", "utf-8":
		return "utf-8"
	}
	e, err := htmlindex.Get(l)
	if err != nil {
		return ""
	}
	n, err := htmlindex.Name(e)
	if err != nil {
		return ""
	}
	if n == "gbk" {
		return "gb18030"
	}
	return n
}

func decode(body []byte, name string) ([]byte, bool) {
	if name == "utf-8" {
		if utf8.Valid(body) {
			return body, true
		}
		return nil, false
	}
	var enc encoding.Encoding
	if name == "gb18030" {
		enc = simplifiedchinese.GB18030
	} else {
		e, err := htmlindex.Get(name)
		if err != nil {
			return nil, false
		}
		enc = e
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, false
	}
	return out, true
}

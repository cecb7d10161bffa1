package crawler

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"meetscan/data"
)

// sessionPathRe matches session ids carried in the path (";jsessionid=…").
var sessionPathRe = regexp.MustCompile(`(?i);(jsessionid|phpsessid|sid|sessionid)=[^/?#]*`)

// canonical returns the form of a link the frontier and the page states are
// keyed by: session ids dropped, then data.CanonicalURL.
func canonical(raw string) string {
	return data.CanonicalURL(sessionPathRe.ReplaceAllString(raw, ""))
}

var calendarKeys = map[string]bool{"year": true, "month": true, "day": true, "date": true, "week": true,
	"cal": true, "calendar": true, "ym": true, "ymd": true, "riqi": true, "time": true}

var pageKeys = map[string]bool{"page": true, "p": true, "pageno": true, "pagenum": true, "pageindex": true, "pn": true, "curpage": true, "start": true, "offset": true}

// trapReason says why a URL looks like a crawler trap ("" when it does
// not): a calendar that links to the next month forever, query strings
// that multiply pages, paths that repeat a segment (a relative-link loop),
// or absurd lengths.
func trapReason(u *url.URL) string {
	if len(u.String()) > 1024 {
		return "url too long"
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(segs) > 15 {
		return "path too deep"
	}
	count := map[string]int{}
	for _, s := range segs {
		if s == "" {
			continue
		}
		count[s]++
		if count[s] >= 3 {
			return "repeated path segment " + s
		}
	}
	lp := strings.ToLower(u.Path)
	if strings.Contains(lp, "calendar") || strings.Contains(lp, "/rili") {
		return "calendar"
	}
	q := u.Query()
	if len(q) > 5 {
		return "too many query parameters"
	}
	for k, vs := range q {
		lk := strings.ToLower(k)
		if calendarKeys[lk] {
			return "calendar"
		}
		for _, v := range vs {
			if len(v) > 100 {
				return "long query value"
			}
			if pageKeys[lk] {
				if n, err := strconv.Atoi(v); err == nil && n > 5000 {
					return "page number too high"
				}
			}
		}
	}
	return ""
}

// Package dates finds the dates of a meeting report: the publication date
// (from the page's metadata lines or its URL), the meeting date (resolved to
// a full date when the year can be inferred) and the work year the meeting
// is about. All functions are pure.
package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day; Year is 0 when unknown.
type Date struct{ Year, Month, Day int }

// IsZero reports whether no date is set.
func (d Date) IsZero() bool { return d.Month == 0 }

// String formats the date as YYYY-MM-DD, --MM-DD when the year is unknown,
// or "" for the zero date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// FromTime converts a time (in its own zone) to a Date.
func FromTime(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return Date{t.Year(), int(t.Month()), t.Day()}
}

func valid(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		return true
	}
	return y >= 1990 && y <= 2039
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// URL date layouts seen on Chinese sites: /2019-12/25/, /2020/0105/,
// /202302/t20230216_1.html, /2018-03-09/, /2019/12/25/, /20191225/.
var urlDates = []*regexp.Regexp{
	regexp.MustCompile(`/t?((?:19|20)\d\d)(\d\d)(\d\d)[_/.-]`),
	regexp.MustCompile(`/((?:19|20)\d\d)-(\d\d)-(\d\d)(?:/|\.|$)`),
	regexp.MustCompile(`/((?:19|20)\d\d)-(\d\d)/(\d\d)/`),
	regexp.MustCompile(`/((?:19|20)\d\d)/(\d\d)(\d\d)/`),
	regexp.MustCompile(`/((?:19|20)\d\d)/(\d\d?)/(\d\d?)/`),
}

// FromURL returns the date written in a URL path, if any.
func FromURL(u string) (Date, bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[i:]
	} else {
		return Date{}, false
	}
	for _, re := range urlDates {
		if m := re.FindStringSubmatch(u); m != nil {
			y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
			if valid(y, mo, d) {
				return Date{y, mo, d}, true
			}
		}
	}
	return Date{}, false
}

package recurring

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes one row per group: rank, count, articles, variants,
// years, organisations, speakers, first and last seen, themes, text and
// the first member's link.
func WriteCSV(w io.Writer, groups []Group) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"rank", "count", "articles", "variants", "years", "orgs", "speakers",
		"first_seen", "last_seen", "themes", "text", "example_url"}); err != nil {
		return err
	}
	for i, g := range groups {
		ex := ""
		if len(g.Members) > 0 {
			ex = g.Members[0].URL
		}
		if err := cw.Write([]string{strconv.Itoa(i + 1), strconv.Itoa(g.Count), strconv.Itoa(g.Articles),
			strconv.Itoa(g.Variants), joinInts(g.Years), strings.Join(g.Orgs, "; "), strings.Join(g.Speakers, "; "),
			g.FirstSeen, g.LastSeen, strings.Join(g.Themes, "; "), g.Text, ex}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteMembersCSV writes one row per member: group rank, date, year,
// organisation, speaker, text, url, title, article id.
func WriteMembersCSV(w io.Writer, groups []Group) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"group", "date", "year", "org", "speaker", "text", "url", "title", "id"}); err != nil {
		return err
	}
	for i, g := range groups {
		for _, m := range g.Members {
			if err := cw.Write([]string{strconv.Itoa(i + 1), m.Date, strconv.Itoa(m.Year), m.Org, m.Speaker,
				m.Text, m.URL, m.Title, m.ArticleID}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteText writes the groups for a terminal: the representative text,
// then counts, years, organisations and up to links member links.
func WriteText(w io.Writer, groups []Group, links int) error {
	for i, g := range groups {
		if _, err := fmt.Fprintf(w, "%d. %s\n   %d requirements in %d articles, %d wordings; years %s; %d organisations; first %s, last %s\n",
			i+1, g.Text, g.Count, g.Articles, g.Variants, joinInts(g.Years), len(g.Orgs), g.FirstSeen, g.LastSeen); err != nil {
			return err
		}
		if len(g.Speakers) > 0 {
			fmt.Fprintf(w, "   speakers: %s\n", strings.Join(first(g.Speakers, 5), ", "))
		}
		for _, m := range first(g.Members, links) {
			fmt.Fprintf(w, "   - %s %s %s\n", m.Date, m.Org, m.URL)
		}
	}
	return nil
}

func first[T any](xs []T, n int) []T {
	if n >= 0 && len(xs) > n {
		return xs[:n]
	}
	return xs
}

func joinInts(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, " ")
}

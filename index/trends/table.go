package trends

import (
	"io"
	"strings"

	"golang.org/x/text/width"
)

// DisplayWidth is the number of terminal columns s takes: East Asian wide
// and fullwidth runes (Han, kana, fullwidth punctuation such as ，（）)
// take two, combining marks none, everything else one. text/tabwriter
// counts runes, which misaligns Chinese labels, so tables pad themselves.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x20:
		case r >= 0x300 && r <= 0x36f, r == 0x200b, r == 0x200d, r == 0xfe0f:
			// combining marks and zero-width joiners take no column
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// displayWidth is kept for the concordance code.
func displayWidth(s string) int { return DisplayWidth(s) }

// writeTable writes rows as columns separated by gap spaces, padded to the
// widest cell of each column by display width. Columns listed in right are
// right-aligned (numbers); trailing spaces are never written.
func writeTable(w io.Writer, rows [][]string, gap int, right map[int]bool) error {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], DisplayWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		var line strings.Builder
		for i, c := range row {
			pad := widths[i] - DisplayWidth(c)
			if i > 0 {
				line.WriteString(strings.Repeat(" ", gap))
			}
			if right[i] {
				line.WriteString(strings.Repeat(" ", pad))
				line.WriteString(c)
			} else {
				line.WriteString(c)
				line.WriteString(strings.Repeat(" ", pad))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

package trends

import "math"

// G2 is Dunning's (1993) log-likelihood ratio statistic for a 2×2
// contingency table of document counts, the "keyness" measure corpus
// linguists use to compare a study corpus with a reference corpus:
//
//	                 study    reference
//	mentions term      a          b
//	does not       nA - a     nR - b
//
// G² = 2 Σ O·ln(O/E) over the four cells, where E is the count expected if
// the share were the same in both periods. Cells with O = 0 contribute 0.
// Counts are documents (meetings), so every document falls in exactly one
// cell of its column; the four-cell form is the right one here (the two-cell
// form of Rayson & Garside 2000 is its approximation for rare word tokens).
// It returns 0 when either period is empty or the table is degenerate.
func G2(a, nA, b, nR int) float64 {
	if nA <= 0 || nR <= 0 || a < 0 || b < 0 || a > nA || b > nR {
		return 0
	}
	n := float64(nA + nR)
	with := float64(a + b)
	without := n - with
	if with == 0 || without == 0 {
		return 0
	}
	cell := func(o, rowTotal, colTotal float64) float64 {
		if o == 0 {
			return 0
		}
		e := rowTotal * colTotal / n
		return o * math.Log(o/e)
	}
	g := cell(float64(a), with, float64(nA)) +
		cell(float64(b), with, float64(nR)) +
		cell(float64(nA-a), without, float64(nA)) +
		cell(float64(nR-b), without, float64(nR))
	g *= 2
	if g < 0 { // rounding when the shares are equal
		g = 0
	}
	return g
}

// PChi2df1 is the upper-tail probability of the chi-square distribution
// with one degree of freedom: P(X ≥ x) = erfc(√(x/2)).
func PChi2df1(x float64) float64 {
	if x <= 0 {
		return 1
	}
	return math.Erfc(math.Sqrt(x / 2))
}

// round rounds to d decimals so JSON output is stable and readable.
func round(x float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}

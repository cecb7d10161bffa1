package meeting

import (
	"testing"

	"meetscan/analysis/internal/corpustest"
)

// TestGates checks the cheap pre-checks against the patterns they skip:
// when a gate says no, the pattern must not match.
func TestGates(t *testing.T) {
	lines := append(corpustest.Lines(t, ".."),
		"共21人参加会议", "200多名党员参加", "参会人员100余人", "与会党员共计35名", "三名同志，参加", "5名代表在主会场认真聆听并参加",
		"The theoretical study center group of the party committee", "the  Central Group of X", "THEORY learning group",
		"A total of 21 people attended", "30\tmembers were present")
	for _, s := range lines {
		if !countThenVerb(s) && zhAttend.MatchString(s) {
			t.Errorf("countThenVerb(%q) false, zhAttend matches", s)
		}
		if !verbThenNumeral(s) && zhAttend2.MatchString(s) {
			t.Errorf("verbThenNumeral(%q) false, zhAttend2 matches", s)
		}
		if !mayStartBody(s) && enBody.MatchString(s) {
			t.Errorf("mayStartBody(%q) false, enBody matches", s)
		}
		if !hasDigitSpace(s) && enAttend.MatchString(s) {
			t.Errorf("hasDigitSpace(%q) false, enAttend matches", s)
		}
		if !typeScanAgrees(s) {
			t.Errorf("typeScan(%q) differs from the long way", s)
		}
	}
}

// typeScanAgrees reports whether typeScan on p agrees with Type's long
// way (or declines).
func typeScanAgrees(p string) bool {
	var rest, rest2 [maxCues]int
	var held, held2 [2][maxCues]int
	n, ok := typeScan(p, &rest, &held, 0)
	if !ok {
		return true
	}
	countCues(p, rest2[:len(cues)])
	nHeld := 0
	for off := 0; nHeld < 2; {
		at := holdAt(p[off:])
		if at < 0 {
			break
		}
		start, end := sentenceAround(p, off+at)
		countCues(p[start:end], held2[nHeld][:len(cues)])
		for ci := range cues {
			rest2[ci] -= held2[nHeld][ci]
		}
		nHeld++
		off = end
	}
	return n == nHeld && rest == rest2 && held == held2
}

// TestHasDigitSpace compares the word-at-a-time scan with a byte loop.
func TestHasDigitSpace(t *testing.T) {
	want := func(s string) bool {
		for i := 0; i+1 < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' && isPerlSpace(s[i+1]) {
				return true
			}
		}
		return false
	}
	const alphabet = "0123456789 \t\n/:a\x80\xff\xaf中"
	var b [20]byte
	for n := 0; n < 200000; n++ {
		x := uint64(n) * 0x9E3779B97F4A7C15
		for i := range b {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			b[i] = alphabet[x%uint64(len(alphabet))]
		}
		s := string(b[:n%21])
		if got := hasDigitSpace(s); got != want(s) {
			t.Fatalf("hasDigitSpace(%q) = %v", s, got)
		}
	}
}

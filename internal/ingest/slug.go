package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest slug Slug returns.
const maxSlug = 60

// translit spells letters that do not decompose into a base letter and
// accents.
var translit = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th",
	'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h", '&': " and ",
	// Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian; a
	// scholarly-style romanisation kept to ASCII).
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e",
	'є': "ye", 'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y",
	'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ў': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e",
	'ю': "yu", 'я': "ya", 'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c",
	'џ': "dz",
	// Greek.
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// Slug derives a file name (without extension) from a title: lower-case
// ASCII letters and digits separated by single hyphens, accents removed
// ("Zelenskyy’s Kraków" -> "zelenskyys-krakow"), apostrophes dropped, at
// most 60 bytes cut at a word boundary where possible. Cyrillic and
// Greek letters are transliterated ("Путин" -> "putin"). It is never
// empty: a title with nothing to spell gives "article".
func Slug(title string) string {
	if s := slug(title); s != "" {
		return s
	}
	return "article"
}

// slug is Slug, "" for a title with nothing to spell in ASCII.
func slug(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(title) {
		if t, ok := translit[unicode.ToLower(r)]; ok && r > unicode.MaxASCII {
			for _, c := range t {
				hyphen = slugRune(&b, c, hyphen)
			}
			continue
		}
		if t, ok := translit[r]; ok {
			for _, c := range t {
				hyphen = slugRune(&b, c, hyphen)
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' || r == 'ʼ' {
			continue // accents and apostrophes: "Trump’s" -> "trumps"
		}
		hyphen = slugRune(&b, r, hyphen)
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > maxSlug {
		cut := s[:maxSlug]
		if i := strings.LastIndexByte(cut, '-'); s[maxSlug] != '-' && i >= maxSlug/2 {
			cut = cut[:i] // end at a whole word
		}
		s = cut
		s = strings.Trim(s, "-")
	}
	return s
}

// slugRune writes r to b as a lower-case ASCII letter or digit, or a
// single hyphen for anything else. pending says a hyphen is owed.
func slugRune(b *strings.Builder, r rune, pending bool) bool {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
	case 'A' <= r && r <= 'Z':
		r += 'a' - 'A'
	default:
		return true
	}
	if pending && b.Len() > 0 {
		b.WriteByte('-')
	}
	b.WriteRune(r)
	return false
}

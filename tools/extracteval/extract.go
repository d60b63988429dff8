package main

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/brief-dev/brief/internal/ingest"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// An extractor returns the article text of a page.
type extractor struct {
	name string
	run  func(name string, page []byte, pageURL *url.URL) (string, error)
}

var extractors = []extractor{
	{"brief", func(name string, page []byte, _ *url.URL) (string, error) {
		a, err := ingest.Convert(name, page, ingest.Options{})
		if err != nil {
			return "", err
		}
		return markdownText(a.Body), nil
	}},
	{"readability", func(_ string, page []byte, u *url.URL) (string, error) {
		p := readability.NewParser()
		art, err := p.Parse(bytes.NewReader(ingest.DecodeHTML(page)), u)
		if err != nil {
			return "", err
		}
		if art.Node == nil {
			return "", fmt.Errorf("no article")
		}
		var b strings.Builder
		if err := art.RenderText(&b); err != nil {
			return "", err
		}
		return b.String(), nil
	}},
	{"trafilatura", func(_ string, page []byte, u *url.URL) (string, error) {
		r, err := trafilatura.Extract(bytes.NewReader(ingest.DecodeHTML(page)), trafilatura.Options{
			OriginalURL: u, EnableFallback: true, ExcludeComments: true,
		})
		if err != nil {
			return "", err
		}
		return r.ContentText, nil
	}},
	{"page", func(_ string, page []byte, _ *url.URL) (string, error) {
		return htmlText(ingest.DecodeHTML(page)), nil
	}},
}

package browsertest_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/brief-dev/brief/internal/browsertest"
)

func TestNew(t *testing.T) {
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate("data:text/html,<title>hi</title>")); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := title, "hi"; got != want {
		t.Fatalf("title=%q, want %q", got, want)
	}
}

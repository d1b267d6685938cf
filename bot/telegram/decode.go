package telegram

import (
	"bytes"
	"encoding/json"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// decodeUpdate reads an update from a webhook body into the library's
// Update with encoding/json. A button press costs some microseconds more
// than a reader written by hand would, which no user can notice under
// Telegram's limit of about 30 messages a second; what it saves is a JSON
// reader of our own that must agree with encoding/json on every body.
func decodeUpdate(body []byte) (*tgbotapi.Update, error) {
	u := new(tgbotapi.Update)
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(u); err != nil {
		return nil, err
	}
	return u, nil
}

//! The sans-I/O framing decoder: fed in any pieces, it gives back each message as soon as its
//! last byte is in and never asks for a byte past it; a truncated stream says where it ended;
//! the segment limits hold before anything large is allocated. The `std::io` readers run on it.

use capnzero_runtime::{frame_segments, ErrorKind, FrameDecoder, OwnedMessage, ReaderOptions, MAX_SEGMENTS};
#[cfg(feature = "std")]
use capnzero_runtime::{read_messages, try_read_message};

/// Framed messages of one, two and five segments (the decoder does not look inside segments).
fn messages() -> Vec<Vec<u8>> {
    let word = |b: u8| [b; 8];
    vec![
        frame_segments(&[&word(1)]),
        frame_segments(&[&[word(2), word(3)].concat(), &word(4)]),
        frame_segments(&[&word(5), &[], &word(6), &[word(7), word(8)].concat(), &word(9)]),
        frame_segments(&[&[]]),
    ]
}

/// Feeds `input` to `decoder` in pieces of at most `piece` bytes; the messages decoded, and how
/// many bytes of the input each one took.
fn decode_all(input: &[u8], piece: usize) -> (Vec<OwnedMessage>, FrameDecoder) {
    let mut decoder = FrameDecoder::new(ReaderOptions::default());
    let mut out = Vec::new();
    let mut at = 0;
    while at < input.len() {
        let space = decoder.space();
        assert!(!space.is_empty());
        let n = space.len().min(piece).min(input.len() - at);
        space[..n].copy_from_slice(&input[at..at + n]);
        at += n;
        if let Some(message) = decoder.advance(n).unwrap() {
            out.push(message);
            assert!(decoder.at_boundary());
        }
    }
    (out, decoder)
}

#[test]
fn messages_come_out_whole_whatever_the_pieces() {
    let all = messages();
    let stream = all.concat();
    for piece in [1, 2, 3, 7, 8, 9, 64, usize::MAX] {
        let (decoded, decoder) = decode_all(&stream, piece);
        assert!(decoder.at_boundary() && decoder.end_of_input().is_none(), "piece {piece}");
        let bytes: Vec<&[u8]> = decoded.iter().map(OwnedMessage::as_bytes).collect();
        assert_eq!(bytes, all.iter().map(Vec::as_slice).collect::<Vec<_>>(), "piece {piece}");
    }
}

#[test]
fn the_decoder_never_asks_for_a_byte_past_the_message() {
    for message in messages() {
        let mut decoder = FrameDecoder::new(ReaderOptions::default());
        let mut at = 0;
        loop {
            let space = decoder.space();
            assert!(at + space.len() <= message.len(), "asked for {} bytes at {at}", space.len());
            let n = space.len();
            space.copy_from_slice(&message[at..at + n]);
            at += n;
            if decoder.advance(n).unwrap().is_some() {
                break;
            }
        }
        assert_eq!(at, message.len());
    }
}

#[test]
fn a_truncated_stream_says_where_it_ended() {
    let message = &messages()[2];
    let header = (4 + 4 * 5usize).next_multiple_of(8);
    for len in 0..message.len() {
        let mut decoder = FrameDecoder::new(ReaderOptions::default());
        let space = decoder.space();
        let n = space.len().min(len);
        space[..n].copy_from_slice(&message[..n]);
        let mut fed = n;
        decoder.advance(n).unwrap();
        while fed < len {
            let space = decoder.space();
            let n = space.len().min(len - fed);
            space[..n].copy_from_slice(&message[fed..fed + n]);
            fed += n;
            assert!(decoder.advance(n).unwrap().is_none());
        }
        match decoder.end_of_input() {
            None => assert_eq!(len, 0),
            Some(e) => {
                assert_eq!(e.kind(), ErrorKind::Truncated);
                let text = e.to_string();
                if len < header {
                    assert!(text.contains(&format!("inside a segment table, after {len} bytes")), "{len}: {text}");
                } else {
                    assert!(text.contains(&format!("after {len} of its {} bytes", message.len())), "{len}: {text}");
                }
            }
        }
    }
}

#[test]
fn segment_limits_hold_before_the_body_is_allocated() {
    // MAX_SEGMENTS + 1 segments: refused at the first word.
    let mut decoder = FrameDecoder::new(ReaderOptions::default());
    decoder.space().copy_from_slice(&[(MAX_SEGMENTS as u32).to_le_bytes(), 0u32.to_le_bytes()].concat());
    assert_eq!(decoder.advance(8).unwrap_err().kind(), ErrorKind::InvalidSegmentTable);
    // MAX_SEGMENTS segments: accepted.
    let mut decoder = FrameDecoder::new(ReaderOptions::default());
    decoder.space().copy_from_slice(&[(MAX_SEGMENTS as u32 - 1).to_le_bytes(), 0u32.to_le_bytes()].concat());
    assert!(decoder.advance(8).unwrap().is_none());
    assert_eq!(decoder.space().len(), (4 + 4 * MAX_SEGMENTS).next_multiple_of(8) - 8);
    // A body larger than the traversal limit: refused from the table, at the limit accepted.
    let options = ReaderOptions { traversal_limit_words: 100, ..Default::default() };
    for (words, ok) in [(100u32, true), (101, false)] {
        let mut decoder = FrameDecoder::new(options);
        decoder.space().copy_from_slice(&[0u32.to_le_bytes(), words.to_le_bytes()].concat());
        match decoder.advance(8) {
            Ok(None) => {
                assert!(ok, "{words}");
                assert_eq!(decoder.space().len(), words as usize * 8);
            }
            Err(e) => {
                assert!(!ok, "{words}");
                assert_eq!(e.kind(), ErrorKind::TooLarge);
            }
            Ok(Some(_)) => panic!("{words}: a message without its body"),
        }
    }
}

#[cfg(feature = "std")]
/// A reader that hands out one byte per call.
struct OneByte<'a>(&'a [u8]);

#[cfg(feature = "std")]
impl std::io::Read for OneByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&b, rest)), Some(slot)) => {
                *slot = b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

#[cfg(feature = "std")]
#[test]
fn the_io_readers_take_one_message_and_leave_the_next() {
    let all = messages();
    let stream = all.concat();
    let mut reader = OneByte(&stream);
    let first = try_read_message(&mut reader, ReaderOptions::default()).unwrap().unwrap();
    assert_eq!(first.as_bytes(), &all[0][..]);
    assert_eq!(reader.0.len(), stream.len() - all[0].len());
    let rest: Vec<Vec<u8>> =
        read_messages(&mut reader, ReaderOptions::default()).map(|m| m.unwrap().as_bytes().to_vec()).collect();
    assert_eq!(rest, all[1..]);
    // A stream cut inside a message is an error that says so.
    let cut = &all[1][..all[1].len() - 3];
    let e = try_read_message(OneByte(cut), ReaderOptions::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Truncated);
    assert!(e.to_string().contains("inside a message"), "{e}");
}

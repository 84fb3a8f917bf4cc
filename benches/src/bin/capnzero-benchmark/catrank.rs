//! catrank: the client sends up to 999 search results whose snippets may mention cats and
//! dogs; the server multiplies the score of a cat page by 10000, divides that of a dog page by
//! 10000 and sends the results back best first; the client counts the cat-only pages at the top.

use capnzero::{Builder, MessageBuilder, Reader};

use crate::common::{FastRand, WORDS};
use crate::harness::{BenchError, TestCase};

mod schema {
    capnzero::capnp_schema!("schemas/catrank.capnp");
}

use schema::{SearchResultList, SearchResultReader};

const URL_PREFIX: &str = "http://example.com";

/// Scores above this belong to cat pages: every plain score is at most 1000.
const CAT_THRESHOLD: f64 = 1001.0;

/// How the server rates one result.
fn rescore(score: f64, snippet: &str) -> f64 {
    let mut score = score;
    if snippet.contains(" cat ") {
        score *= 10000.0;
    }
    if snippet.contains(" dog ") {
        score /= 10000.0;
    }
    score
}

pub struct CatRank;

impl TestCase for CatRank {
    type Request = SearchResultList;
    type Response = SearchResultList;
    /// The number of results that mention cats but not dogs.
    type Expectation = u32;

    fn setup_request(&self, rng: &mut FastRand, message: &mut MessageBuilder) -> Result<u32, BenchError> {
        let count = rng.next_less_than(1000);
        let mut request = capnzero::init_root::<SearchResultList>(message);
        let mut results = request.init_results(count)?;
        let mut cat_only = 0;
        let mut url = String::new();
        let mut snippet = String::new();
        for i in 0..count {
            let mut result = results.get(i)?;
            result.set_score(1000.0 - f64::from(i));

            url.clear();
            url.push_str(URL_PREFIX);
            let url_len = rng.next_less_than(100);
            url.extend((0..url_len).map(|_| char::from(b'a' + rng.next_less_than(26) as u8)));
            result.set_url(&url)?;

            let is_cat = rng.next_less_than(8) == 0;
            let is_dog = rng.next_less_than(8) == 0;
            cat_only += u32::from(is_cat && !is_dog);

            snippet.clear();
            snippet.push(' ');
            for _ in 0..rng.next_less_than(20) {
                snippet.push_str(WORDS[rng.next_less_than(WORDS.len() as u32) as usize]);
            }
            if is_cat {
                snippet.push_str("cat ");
            }
            if is_dog {
                snippet.push_str("dog ");
            }
            for _ in 0..rng.next_less_than(20) {
                snippet.push_str(WORDS[rng.next_less_than(WORDS.len() as u32) as usize]);
            }
            result.set_snippet(&snippet)?;
        }
        Ok(cat_only)
    }

    fn handle_request(
        &self,
        request: Reader<'_, SearchResultList>,
        mut response: Builder<'_, SearchResultList>,
    ) -> Result<(), BenchError> {
        let mut ranked: Vec<(f64, SearchResultReader<'_>)> = request
            .get_results()
            .iter()
            .map(|result| (rescore(result.score(), result.get_snippet()), result))
            .collect();
        // Best first; `total_cmp` keeps the order total even for a NaN score from a hostile client.
        ranked.sort_by(|(a, _), (b, _)| b.total_cmp(a));

        let mut results = response.init_results(ranked.len() as u32)?;
        for (i, (score, result)) in ranked.iter().enumerate() {
            let mut out = results.get(i as u32)?;
            out.set_score(*score);
            out.set_url(result.get_url())?;
            out.set_snippet(result.get_snippet())?;
        }
        Ok(())
    }

    fn check_response(&self, response: Reader<'_, SearchResultList>, expected: u32) -> Result<(), String> {
        let at_top = response.get_results().iter().take_while(|r| r.score() > CAT_THRESHOLD).count();
        if at_top == expected as usize {
            Ok(())
        } else {
            Err(format!("catrank: {expected} cat pages were sent, {at_top} came back on top"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::schema::SearchResult;
    use super::*;
    use crate::harness::root;

    fn result(url: &str, score: f64, snippet: &str) -> SearchResult {
        SearchResult { url: Some(url.into()), score, snippet: Some(snippet.into()) }
    }

    #[test]
    fn the_server_puts_cats_first_and_dogs_last() {
        let request = SearchResultList {
            results: Some(vec![
                result("a", 1000.0, " foo bar "),
                result("b", 999.0, " dog foo "),
                result("c", 998.0, " foo cat "),
                result("d", 997.0, " cat dog "),
                result("e", 996.0, " quux cat waldo "),
                result("f", 995.0, " concatenate "),
            ]),
        };
        let bytes = capnzero::to_bytes(&request).unwrap();
        let request = capnzero::read::<SearchResultList>(&bytes).unwrap();
        let mut response = MessageBuilder::default();
        CatRank.handle_request(request.root(), capnzero::init_root::<SearchResultList>(&mut response)).unwrap();
        let answer = response.as_reader();
        let ranked = root::<SearchResultList>(&answer).unwrap().get_results();
        let got: Vec<(&str, f64, &str)> = ranked.iter().map(|r| (r.get_url(), r.score(), r.get_snippet())).collect();
        assert_eq!(
            got,
            [
                ("c", 9_980_000.0, " foo cat "),
                ("e", 9_960_000.0, " quux cat waldo "),
                ("a", 1000.0, " foo bar "),
                ("d", 997.0, " cat dog "),
                ("f", 995.0, " concatenate "),
                ("b", 999.0 / 10000.0, " dog foo "),
            ]
        );
        let ranked = root::<SearchResultList>(&answer).unwrap();
        assert_eq!(CatRank.check_response(ranked, 2), Ok(()));
        assert!(CatRank.check_response(ranked, 3).is_err());
    }

    #[test]
    fn random_requests_count_their_cat_pages() {
        let mut rng = FastRand::new();
        let mut message = MessageBuilder::default();
        let expected = CatRank.setup_request(&mut rng, &mut message).unwrap();
        let built = message.as_reader();
        let results = root::<SearchResultList>(&built).unwrap().get_results();
        let cats = results.iter().filter(|r| r.get_snippet().contains(" cat ") && !r.get_snippet().contains(" dog "));
        assert_eq!(cats.count(), expected as usize);
        for (i, r) in results.iter().enumerate() {
            assert_eq!(r.score(), 1000.0 - i as f64);
            let tail = r.get_url().strip_prefix(URL_PREFIX).unwrap();
            assert!(tail.len() < 100 && tail.bytes().all(|b| b.is_ascii_lowercase()));
            assert!(r.get_snippet().starts_with(' ') && r.get_snippet().ends_with(' '));
        }
    }
}

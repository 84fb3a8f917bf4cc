//! What a call carries: the parameters a server reads ([`Params`]), the results it writes
//! ([`Results`]), the results a caller reads ([`Response`]) and the parameters it writes
//! ([`Request`]'s, in `client.rs`). Each is a whole RPC message (`Message.call` or
//! `Message.return`) with its capability table as [`Client`]s, so that a call on a local
//! capability and one from the network are read the same way, and nothing is copied to send one.

use std::sync::Arc;
use std::vec::Vec;

use super::client::Client;
use super::error::{Error, Result};
use super::wire;
use crate::{AnyPointer, MessageBuilder, MessageReader, OwnedMessage, PointerBuilder, PointerReader, Struct};

/// An RPC message as read from the network or as built here.
pub(crate) enum Frame {
    Received(OwnedMessage),
    Built(MessageBuilder),
}

impl Frame {
    pub(crate) fn reader(&self) -> MessageReader<'_> {
        match self {
            Frame::Received(message) => message.reader(),
            Frame::Built(builder) => builder.as_reader(),
        }
    }
}

/// `Message.call.params.content` (`call`) or `Message.return.results.content` of `message`.
pub(crate) fn content_of<'a>(message: &'a MessageReader<'_>, call: bool) -> Result<PointerReader<'a>> {
    let root = message.root().get_struct()?.ok_or_else(|| Error::failed("an RPC message without a root"))?;
    let message = <wire::Message as Struct>::wrap_reader(root);
    let payload =
        if call { message.call().and_then(|c| c.params()) } else { message.r#return().and_then(|r| r.results()) };
    let payload = payload.ok_or_else(|| Error::failed("an RPC message without its payload"))?;
    Ok(<wire::Payload as Struct>::unwrap_reader(payload).pointer(0))
}

/// Follows `path` (pointer field indexes, `PromisedAnswer.transform`) from `content` to a
/// capability, and gives it from `caps`.
pub(crate) fn cap_at(content: PointerReader<'_>, path: &[u16], caps: &[Client]) -> Result<Client> {
    let mut pointer = content;
    for &field in path {
        let reader = pointer.get_struct()?;
        pointer = match reader {
            Some(reader) if field < reader.pointer_count() => reader.pointer(field),
            _ => return Ok(Client::null()),
        };
    }
    match pointer.get_capability()? {
        None => Ok(Client::null()),
        Some(index) => caps
            .get(index as usize)
            .cloned()
            .ok_or_else(|| Error::failed(format!("capability index {index} is past the message's table"))),
    }
}

/// The capability a capability field (`pointer`, read from the message of `caps`) holds: the
/// null capability when the pointer is null.
fn cap_of(caps: &[Client], pointer: AnyPointer<'_>) -> Result<Client> {
    if pointer.is_null() {
        return Ok(Client::null());
    }
    match pointer.untyped().get_capability()? {
        Some(index) => cap(caps, index),
        None => Ok(Client::null()),
    }
}

/// A capability of a message's table, by the index its pointer holds.
fn cap(caps: &[Client], index: u32) -> Result<Client> {
    caps.get(index as usize)
        .cloned()
        .ok_or_else(|| Error::failed(format!("capability index {index} is past the message's table of {}", caps.len())))
}

/// The parameters of a call, as the server reads them.
pub struct Params {
    pub(crate) frame: Frame,
    pub(crate) caps: Vec<Client>,
}

impl Params {
    /// A reader of the parameter struct (`reader.get::<FooParams>()`).
    pub fn reader(&self) -> PayloadReader<'_> {
        PayloadReader { message: self.frame.reader(), call: true }
    }

    /// The capability at `index` of the message's table (what a capability field's
    /// `capability_index()` gives).
    pub fn cap(&self, index: u32) -> Result<Client> {
        cap(&self.caps, index)
    }

    /// Every capability the parameters carry, in table order.
    pub fn caps(&self) -> &[Client] {
        &self.caps
    }

    /// The capability of a capability field read from these parameters
    /// (`params.cap_of(reader.get_callback())`, then `callback::Client::from`); null when the
    /// field is null, an error when it is not a capability.
    pub fn cap_of(&self, field: AnyPointer<'_>) -> Result<Client> {
        cap_of(&self.caps, field)
    }
}

/// The results of a call, as the server writes them: a `Return` message being built.
pub struct Results {
    pub(crate) builder: MessageBuilder,
    pub(crate) caps: Vec<Client>,
}

impl Results {
    /// Results for answer `answer_id` (0 for a call on a local capability, which no message
    /// carries).
    pub(crate) fn new(answer_id: u32) -> Results {
        let mut builder = MessageBuilder::default();
        {
            let mut message = crate::init_root::<wire::Message>(&mut builder);
            let mut ret = message.init_return().expect("a new message has room for its root");
            ret.set_answer_id(answer_id);
            ret.set_release_param_caps(false);
            ret.init_results().expect("a new Return has room for its results");
        }
        Results { builder, caps: Vec::new() }
    }

    /// The results struct's pointer, untyped, to write anything.
    pub fn content(&mut self) -> Result<PointerBuilder<'_>> {
        Ok(wire::payload_content(&mut self.builder, false)?)
    }

    /// Sets the results struct to a new `T` and gives its builder.
    pub fn init<T: Struct>(&mut self) -> Result<T::Builder<'_>> {
        let content = self.content()?;
        Ok(T::wrap_builder(content.init_struct(T::DATA_WORDS, T::POINTER_COUNT)))
    }

    /// Adds `client` to the message's capability table and gives its index, for
    /// `PointerBuilder::set_capability`.
    pub fn add_cap(&mut self, client: Client) -> u32 {
        self.caps.push(client);
        (self.caps.len() - 1) as u32
    }

    /// Sets the results' content to a copy of `response`'s, its capabilities included.
    pub fn set_from(&mut self, response: &Response) -> Result<()> {
        let source = response.frame.reader();
        let content = content_of(&source, false)?;
        self.content()?.set_copy_of(content)?;
        self.caps = response.caps.to_vec();
        Ok(())
    }

    pub(crate) fn into_response(self) -> Response {
        Response::new(Frame::Built(self.builder), self.caps)
    }
}

/// The results of a call, as the caller reads them. Cheap to clone (shared).
#[derive(Clone)]
pub struct Response {
    frame: Arc<Frame>,
    caps: Arc<[Client]>,
}

impl Response {
    pub(crate) fn new(frame: Frame, caps: Vec<Client>) -> Response {
        Response { frame: Arc::new(frame), caps: caps.into() }
    }

    /// A reader of the results struct (`reader.get::<FooResults>()`).
    pub fn reader(&self) -> PayloadReader<'_> {
        PayloadReader { message: self.frame.reader(), call: false }
    }

    /// The capability at `index` of the message's table.
    pub fn cap(&self, index: u32) -> Result<Client> {
        cap(&self.caps, index)
    }

    /// Every capability the results carry, in table order.
    pub fn caps(&self) -> &[Client] {
        &self.caps
    }

    /// The capability of a capability field read from these results; null when the field is
    /// null, an error when it is not a capability.
    pub fn cap_of(&self, field: AnyPointer<'_>) -> Result<Client> {
        cap_of(&self.caps, field)
    }

    /// The capability that `path` (pointer field indexes from the results struct) leads to.
    pub fn cap_at(&self, path: &[u16]) -> Result<Client> {
        let message = self.frame.reader();
        cap_at(content_of(&message, false)?, path, &self.caps)
    }
}

/// The message of a [`Params`] or [`Response`], for reading its struct: readers borrow from it.
pub struct PayloadReader<'a> {
    message: MessageReader<'a>,
    call: bool,
}

impl PayloadReader<'_> {
    /// The struct, untyped.
    pub fn content(&self) -> Result<AnyPointer<'_>> {
        Ok(AnyPointer::new(content_of(&self.message, self.call)?))
    }

    /// The struct, read as `T` (all defaults when the pointer is null).
    pub fn get<T: Struct>(&self) -> Result<T::Reader<'_>> {
        match content_of(&self.message, self.call)?.get_struct()? {
            Some(reader) => Ok(T::wrap_reader(reader)),
            None => Ok(T::wrap_reader(crate::StructReader::default())),
        }
    }
}

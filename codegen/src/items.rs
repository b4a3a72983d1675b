//! The items of a table, one function each, written with `quote!`: their size does not grow with
//! the table, only the bodies they place (from `body`) do.

use proc_macro2::TokenStream;
use quote::quote;

use crate::body::{self, Column};
use crate::plan::{Form, Plan};
use crate::request::Kind;

/// The names local to the impls' block: the runtime alias (generated text cannot spell `$crate`),
/// the row constructors, and in lookup form the sorted codes.
pub(crate) fn prelude(plan: &Plan<'_>) -> TokenStream {
    let (krate, repr) = (plan.request.krate, &plan.repr);
    let codes = (plan.form == Form::Lookup).then(|| {
        let codes = body::codes(plan);
        let doc = format!("The named codes, ordered as `{}::ALL`.", plan.type_name);
        quote! {
            #[doc = #doc]
            const __CODES: &[#repr] = &#codes;
        }
    });
    let values = plan
        .properties
        .iter()
        .filter(|_| plan.form == Form::Lookup)
        .map(|property| {
            let name = quote::format_ident!("__VALUES_{}", property.index);
            let ty = match property.words {
                Some(_) => quote!(::core::primitive::usize),
                None => property.ty.clone(),
            };
            let values = body::property_values(plan, property.index);
            let doc = format!(
                "The value of property `{}` at each named code, ordered as `{}::ALL`{}.",
                property.property.name,
                plan.type_name,
                if property.words.is_some() {
                    ": the index of its word"
                } else {
                    ""
                }
            );
            quote! {
                #[doc = #doc]
                const #name: &[#ty] = &#values;
            }
        });
    let (sets, of_row) = body::property_sets(plan);
    let shared = body::shared_sets(sets.len(), &of_row);
    let with = (!sets.is_empty()).then(|| {
        quote! {
            #[allow(unused_imports)]
            use #krate::__private::{code_with as __code_with, documented_with as __documented_with, range_with as __range_with};
        }
    });
    let sets = (!sets.is_empty()).then(|| {
        let list = body::property_list(plan, &sets);
        // A `const` per list that rows share, which they name (`__PROPERTIES_3`): indexing
        // `__PROPERTIES` in every row cost 1.23x the incremental build of a table with
        // properties. The values stay in one list, which a rendered file keeps as text, and a
        // row with a list of its own indexes it (BENCHMARKS.md).
        let shared: Vec<usize> = (0..sets.len()).filter(|&at| shared[at]).collect();
        let names = shared
            .iter()
            .map(|at| quote::format_ident!("__PROPERTIES_{}", at));
        let at = shared
            .iter()
            .map(|&at| proc_macro2::Literal::usize_unsuffixed(at));
        quote! {
            /// The values of the properties of the `ENTRIES` rows: each distinct list once (rows
            /// that share one name its `const`, `__PROPERTIES_0`; the others index this).
            const __PROPERTIES: &[&[#krate::PropertyValue]] = &#list;
            #(
                const #names: &[#krate::PropertyValue] = __PROPERTIES[#at];
            )*
        }
    });
    quote! {
        #[allow(unused_imports)]
        use #krate as __closecodes;
        #[allow(unused_imports)]
        use #krate::__private::{code as __code, documented as __documented, range as __range};
        #with

        #codes
        #(#values)*
        #sets
    }
}

/// The inherent `impl`: `ALL`, the `const fn`s and the range constructors.
pub(crate) fn inherent(plan: &Plan<'_>) -> TokenStream {
    let (krate, name, repr) = (plan.request.krate, plan.request.name, &plan.repr);
    let (from_fn, as_fn) = (&plan.from_fn, &plan.as_fn);
    let type_name = &plan.type_name;
    let (from_ret, from_doc) = if plan.table.total {
        let doc = format!(
            " The code with number `value`; every `{}` is a code of this table, in a range variant if it has no name.",
            plan.table.repr
        );
        (quote!(Self), doc)
    } else {
        let doc = " The code with number `value`, or `None` if it is not a code of this table.";
        (quote!(::core::option::Option<Self>), doc.to_owned())
    };
    let as_doc = format!(" The number of the code, as a `{}`.", plan.table.repr);
    let found = if plan.table.total {
        quote!(let code = Self::#from_fn(value);)
    } else {
        quote! {
            let ::core::option::Option::Some(code) = Self::#from_fn(value) else {
                return ::core::result::Result::Err(#krate::__private::unknown(value, #type_name));
            };
        }
    };
    let all = body::all(plan);
    let from_body = body::from_repr(plan);
    let as_body = body::as_repr(plan);
    let reason = body::column(plan, Column::Reason);
    let description = body::column(plan, Column::Description);
    let sendable = body::column(plan, Column::Sendable);
    let range = body::range_name(plan);
    let canonical = body::canonical(plan);
    let flags = body::column(plan, Column::Flags);
    let predicates = flag_predicates(plan);
    let getters = crate::properties::getters(plan);
    let aliases = alias_consts(plan);

    let constructors = body::constructors(plan);
    // A function with an arm per code is as long as the table; clippy's limit is for hand-written
    // code (and applies to a rendered file, which is not a macro expansion).
    let long = (plan.table.codes.len() >= 90).then(|| quote!(#[allow(clippy::too_many_lines)]));
    quote! {
        #long
        impl #name {
            /// Every named code of the table, ordered by code.
            pub const ALL: &'static [Self] = &#all;

            #[doc = #from_doc]
            #[must_use]
            #[inline]
            pub const fn #from_fn(value: #repr) -> #from_ret #from_body

            #[doc = #as_doc]
            #[must_use]
            #[inline]
            pub const fn #as_fn(self) -> #repr #as_body

            /// The registry's short name of the code ("Normal Closure"), if it has one.
            #[must_use]
            pub const fn reason(self) -> ::core::option::Option<&'static ::core::primitive::str> #reason

            /// What the code means, from the table's description.
            #[must_use]
            pub const fn description(self) -> &'static ::core::primitive::str #description

            /// Whether the code may be sent on the wire.
            #[must_use]
            #[inline]
            pub const fn is_sendable(self) -> ::core::primitive::bool #sendable

            /// The code with number `value`, as read from the wire: only codes that may be sent.
            ///
            /// # Errors
            ///
            /// A `CodeError` that carries `value`, of kind `Unknown` if it is not a code of the
            /// table and `NotSendable` if it is one that is never sent.
            #[inline]
            pub const fn from_wire(value: #repr) -> ::core::result::Result<Self, #krate::CodeError<#repr>> {
                #found
                if code.is_sendable() {
                    ::core::result::Result::Ok(code)
                } else {
                    ::core::result::Result::Err(#krate::__private::not_sendable(value, #type_name, code.range()))
                }
            }

            /// The name of the range variant holding the code, or `None` for a named code.
            #[must_use]
            pub const fn range(self) -> ::core::option::Option<&'static ::core::primitive::str> #range

            /// The code as the number gives it: a range variant built by hand around a value that
            /// belongs to another variant (a named code, another range) becomes that variant, as
            /// from the number; every other code is itself. In a partial table, a value outside
            /// every range stays as it is. Accessors, comparisons and hashing always follow the
            /// number; only `match` sees the variant as built.
            #[must_use]
            #[inline]
            pub const fn canonical(self) -> Self #canonical

            /// The flags of the code as bits: bit `i` is `CodeTable::FLAGS[i]`.
            #[must_use]
            #[inline]
            pub const fn flags(self) -> ::core::primitive::u64 #flags

            #predicates

            #getters

            #aliases

            #constructors
        }
    }
}

/// A deprecated associated constant for each former name of a code (a registry renamed it), so
/// that code written against the old name keeps compiling, with a warning that names the new one.
fn alias_consts(plan: &Plan<'_>) -> TokenStream {
    plan.table
        .codes
        .iter()
        .flat_map(|code| code.aliases.iter().map(move |alias| (code, alias)))
        .map(|(code, alias)| {
            let (alias, variant) = (
                quote::format_ident!("{}", alias),
                quote::format_ident!("{}", code.name),
            );
            let doc = format!(
                " The former name of [`{0}`](Self::{0}) (code {1}).",
                code.name, code.value
            );
            let note = format!("renamed `{}` by the registry", code.name);
            quote! {
                #[doc = #doc]
                #[deprecated(note = #note)]
                #[allow(non_upper_case_globals)]
                pub const #alias: Self = Self::#variant;
            }
        })
        .collect()
}

/// `const fn is_<flag>(self) -> bool` for each flag, documented from its description.
fn flag_predicates(plan: &Plan<'_>) -> TokenStream {
    plan.table
        .flags
        .iter()
        .zip(&plan.methods.predicates)
        .enumerate()
        .map(|(bit, (flag, predicate))| {
            let name = proc_macro2::Ident::new(predicate, proc_macro2::Span::call_site());
            let doc = format!(" {}", crate::docs::block(&flag.description));
            let default = format!(
                " Flag `{}`; codes that do not set it: `{}`.",
                flag.name, flag.default
            );
            let mask = proc_macro2::Literal::u64_unsuffixed(1 << bit);
            quote! {
                #[doc = #doc]
                ///
                #[doc = #default]
                #[must_use]
                #[inline]
                pub const fn #name(self) -> ::core::primitive::bool {
                    self.flags() & #mask != 0
                }
            }
        })
        .collect()
}

/// `From<repr>` (total tables) or `TryFrom<repr>`, and `From<Self> for repr`.
pub(crate) fn repr_conversions(plan: &Plan<'_>) -> TokenStream {
    let (krate, name, repr) = (plan.request.krate, plan.request.name, &plan.repr);
    let (from_fn, as_fn) = (&plan.from_fn, &plan.as_fn);
    let into_self = if plan.table.total {
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<#repr> for #name {
                #[inline]
                fn from(value: #repr) -> Self {
                    Self::#from_fn(value)
                }
            }
        }
    } else {
        quote! {
            #[automatically_derived]
            impl ::core::convert::TryFrom<#repr> for #name {
                type Error = #krate::CodeError<#repr>;

                #[inline]
                fn try_from(value: #repr) -> ::core::result::Result<Self, #krate::CodeError<#repr>> {
                    <Self as #krate::CodeTable>::try_from_code(value)
                }
            }
        }
    };
    quote! {
        #into_self

        #[automatically_derived]
        impl ::core::convert::From<#name> for #repr {
            #[inline]
            fn from(code: #name) -> Self {
                code.#as_fn()
            }
        }
    }
}

/// `PartialEq`, `Eq`, `PartialOrd`, `Ord` and `Hash`, by code; none for a derive, whose
/// comparisons are the user's own `#[derive(...)]`.
pub(crate) fn comparisons(plan: &Plan<'_>) -> TokenStream {
    if plan.request.kind == Kind::Derive {
        return TokenStream::new();
    }
    let (name, as_fn) = (plan.request.name, &plan.as_fn);
    quote! {
        #[automatically_derived]
        impl ::core::cmp::PartialEq for #name {
            #[inline]
            fn eq(&self, other: &Self) -> ::core::primitive::bool {
                self.#as_fn() == other.#as_fn()
            }
        }

        #[automatically_derived]
        impl ::core::cmp::Eq for #name {}

        #[automatically_derived]
        impl ::core::cmp::PartialOrd for #name {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
                ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
            }
        }

        #[automatically_derived]
        impl ::core::cmp::Ord for #name {
            #[inline]
            fn cmp(&self, other: &Self) -> ::core::cmp::Ordering {
                ::core::cmp::Ord::cmp(&self.#as_fn(), &other.#as_fn())
            }
        }

        #[automatically_derived]
        impl ::core::hash::Hash for #name {
            #[inline]
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                ::core::hash::Hash::hash(&self.#as_fn(), state);
            }
        }
    }
}

/// `Display`: "1000 Normal Closure", or the number alone for a code without a reason.
pub(crate) fn display(plan: &Plan<'_>) -> TokenStream {
    let (name, as_fn) = (plan.request.name, &plan.as_fn);
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.reason() {
                    ::core::option::Option::Some(reason) => ::core::write!(f, "{} {}", self.#as_fn(), reason),
                    ::core::option::Option::None => ::core::write!(f, "{}", self.#as_fn()),
                }
            }
        }
    }
}

/// `FromStr`, through the table's `CodeTable::parse_code`.
pub(crate) fn from_str(plan: &Plan<'_>) -> TokenStream {
    let (krate, name, repr) = (plan.request.krate, plan.request.name, &plan.repr);
    quote! {
        #[automatically_derived]
        impl ::core::str::FromStr for #name {
            type Err = #krate::ParseCodeError<#repr>;

            #[inline]
            fn from_str(text: &::core::primitive::str) -> ::core::result::Result<Self, #krate::ParseCodeError<#repr>> {
                <Self as #krate::CodeTable>::parse_code(text)
            }
        }
    }
}

/// `CodeTable`: the table for generic code, `ENTRIES` included.
pub(crate) fn code_table(plan: &Plan<'_>) -> TokenStream {
    let (krate, name, repr) = (plan.request.krate, plan.request.name, &plan.repr);
    let (from_fn, as_fn) = (&plan.from_fn, &plan.as_fn);
    let type_name = &plan.type_name;
    let total = plan.table.total;
    let try_from_code = if total {
        quote!(::core::result::Result::Ok(Self::#from_fn(value)))
    } else {
        quote! {
            match Self::#from_fn(value) {
                ::core::option::Option::Some(code) => ::core::result::Result::Ok(code),
                ::core::option::Option::None => ::core::result::Result::Err(#krate::__private::unknown(value, #type_name)),
            }
        }
    };
    let entries = body::entries(plan);
    let by_name = body::by_name(plan);
    // `parse_code` holds a by-name index entry per code (see `inherent`).
    let long = (plan.table.codes.len() >= 90).then(|| quote!(#[allow(clippy::too_many_lines)]));
    let flags = plan.table.flags.iter().map(|flag| {
        let (name, description, default) = (&flag.name, &flag.description, flag.default);
        quote!(#krate::Flag { name: #name, description: #description, default: #default })
    });
    let (properties, property_at) = crate::properties::code_table(plan);
    quote! {
        #long
        #[automatically_derived]
        impl #krate::CodeTable for #name {
            type Repr = #repr;
            const NAME: &'static ::core::primitive::str = #type_name;
            const ALL: &'static [Self] = Self::ALL;
            const ENTRIES: &'static [#krate::Entry<#repr>] = &#entries;
            const TOTAL: ::core::primitive::bool = #total;
            const FLAGS: &'static [#krate::Flag] = &[#(#flags),*];
            const PROPERTIES: &'static [#krate::Property] = #properties;

            #[inline]
            fn code(self) -> #repr {
                self.#as_fn()
            }

            #[inline]
            fn reason(self) -> ::core::option::Option<&'static ::core::primitive::str> {
                self.reason()
            }

            #[inline]
            fn description(self) -> &'static ::core::primitive::str {
                self.description()
            }

            #[inline]
            fn is_sendable(self) -> ::core::primitive::bool {
                self.is_sendable()
            }

            #[inline]
            fn flags(self) -> ::core::primitive::u64 {
                self.flags()
            }

            #property_at

            #[inline]
            fn try_from_code(value: #repr) -> ::core::result::Result<Self, #krate::CodeError<#repr>> {
                #try_from_code
            }

            #[inline]
            fn from_wire(value: #repr) -> ::core::result::Result<Self, #krate::CodeError<#repr>> {
                Self::from_wire(value)
            }

            #[inline]
            fn parse_code(text: &::core::primitive::str) -> ::core::result::Result<Self, #krate::ParseCodeError<#repr>> {
                #krate::__private::parse_code::<Self>(text, &#by_name)
            }
        }
    }
}

/// `From<CloseCode>` (or `TryFrom` for a partial table) and `From<Self> for CloseCode`, for
/// tables that extend `websocket`.
pub(crate) fn close_code_conversions(plan: &Plan<'_>) -> TokenStream {
    if !plan.converts_with_close_code() {
        return TokenStream::new();
    }
    let (krate, name) = (plan.request.krate, plan.request.name);
    let from_standard = if plan.table.total {
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<#krate::CloseCode> for #name {
                #[inline]
                fn from(code: #krate::CloseCode) -> Self {
                    Self::from_u16(code.as_u16())
                }
            }
        }
    } else {
        quote! {
            #[automatically_derived]
            impl ::core::convert::TryFrom<#krate::CloseCode> for #name {
                type Error = #krate::CodeError<::core::primitive::u16>;

                #[inline]
                fn try_from(code: #krate::CloseCode) -> ::core::result::Result<Self, #krate::CodeError<::core::primitive::u16>> {
                    <Self as #krate::CodeTable>::try_from_code(code.as_u16())
                }
            }
        }
    };
    quote! {
        #from_standard

        #[automatically_derived]
        impl ::core::convert::From<#name> for #krate::CloseCode {
            #[inline]
            fn from(code: #name) -> Self {
                #krate::CloseCode::from_u16(code.as_u16())
            }
        }
    }
}

/// `From<Self> for T` (or `TryFrom`, for `try_convert`) and `From<T> for Self` (`TryFrom` for a
/// partial table) for each type the user named, through the repr.
pub(crate) fn user_conversions(plan: &Plan<'_>) -> TokenStream {
    let (krate, name, repr) = (plan.request.krate, plan.request.name, &plan.repr);
    let (from_fn, as_fn) = (&plan.from_fn, &plan.as_fn);
    plan.request.conversions
        .iter()
        .map(|conversion| {
            let ty = &conversion.ty;
            let into_theirs = if conversion.fallible {
                quote! {
                    #[automatically_derived]
                    impl ::core::convert::TryFrom<#name> for #ty {
                        type Error = <#ty as ::core::convert::TryFrom<#repr>>::Error;

                        #[inline]
                        fn try_from(code: #name) -> ::core::result::Result<#ty, <#ty as ::core::convert::TryFrom<#repr>>::Error> {
                            <#ty as ::core::convert::TryFrom<#repr>>::try_from(code.#as_fn())
                        }
                    }
                }
            } else {
                quote! {
                    #[automatically_derived]
                    impl ::core::convert::From<#name> for #ty {
                        #[inline]
                        fn from(code: #name) -> #ty {
                            <#ty as ::core::convert::From<#repr>>::from(code.#as_fn())
                        }
                    }
                }
            };
            let into_ours = if plan.table.total {
                quote! {
                    #[automatically_derived]
                    impl ::core::convert::From<#ty> for #name {
                        #[inline]
                        fn from(value: #ty) -> Self {
                            Self::#from_fn(<#repr as ::core::convert::From<#ty>>::from(value))
                        }
                    }
                }
            } else {
                quote! {
                    #[automatically_derived]
                    impl ::core::convert::TryFrom<#ty> for #name {
                        type Error = #krate::CodeError<#repr>;

                        #[inline]
                        fn try_from(value: #ty) -> ::core::result::Result<Self, #krate::CodeError<#repr>> {
                            <Self as #krate::CodeTable>::try_from_code(<#repr as ::core::convert::From<#ty>>::from(value))
                        }
                    }
                }
            };
            quote!(#into_theirs #into_ours)
        })
        .collect()
}

/// `Serialize` and `Deserialize` as the number, through a `macro_rules!` of the runtime: only
/// the runtime knows whether its `serde` feature is on.
pub(crate) fn serde(plan: &Plan<'_>) -> TokenStream {
    let (krate, name, repr) = (plan.request.krate, plan.request.name, &plan.repr);
    quote!(#krate::__impl_serde!(#name, #repr);)
}

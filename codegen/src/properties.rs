//! The items of a table's properties: a getter per property on the table, and per enumerated
//! property its type beside the table (`ChatCodeAction`) with `ALL`, `as_str` and `Display`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::body::{self, Column};
use crate::plan::{Form, Plan};

/// `const fn <property>(self) -> <type>` for each property, documented from its description: a
/// `match` on the canonical code, as the other accessors (in lookup form, a named code's value is
/// read from the property's array).
pub(crate) fn getters(plan: &Plan<'_>) -> TokenStream {
    plan.properties
        .iter()
        .map(|property| {
            let (getter, ty) = (&property.getter, &property.ty);
            let doc = format!(" {}", crate::docs::block(&property.property.description));
            let values = match &property.words {
                Some((ty, _)) => format!(" one of [`{ty}`]"),
                None => match property.property.kind {
                    closecodes_spec::PropertyKind::Integer(repr) => format!(" a `{repr}`"),
                    closecodes_spec::PropertyKind::Words(_) => String::new(),
                },
            };
            let default = format!(
                " Property `{}`:{values}; `{}` where no code or range sets it. Follows the number, as every accessor does.",
                property.property.name,
                property.property.written(property.property.default)
            );
            let body = body::column(plan, Column::Property(property.index));
            quote! {
                #[doc = #doc]
                ///
                #[doc = #default]
                #[must_use]
                pub const fn #getter(self) -> #ty #body
            }
        })
        .collect()
}

/// The types of the enumerated properties, beside the table, with the table's visibility and
/// `#[cfg]`s: an enum per property, a variant per word, in the order of the spec.
pub(crate) fn types(
    plan: &Plan<'_>,
    vis: &syn::Visibility,
    cfgs: &[&syn::Attribute],
) -> TokenStream {
    plan.properties
        .iter()
        .filter_map(|property| {
            let (ty, variants) = property.words.as_ref()?;
            let doc = format!(
                " {}\n\n The values of property `{}` of [`{2}`], as [`{2}::{3}`] gives them.",
                crate::docs::block(&property.property.description),
                property.property.name,
                plan.type_name,
                property.getter,
            );
            let words = property.property.words();
            let variant_docs = words.iter().map(|w| format!(" `{w}`"));
            let dead = (plan.form == Form::StandIn).then(|| quote!(#[allow(dead_code)]));
            Some(quote! {
                #(#cfgs)*
                #[doc = #doc]
                #[derive(
                    ::core::clone::Clone,
                    ::core::marker::Copy,
                    ::core::fmt::Debug,
                    ::core::cmp::PartialEq,
                    ::core::cmp::Eq,
                    ::core::hash::Hash
                )]
                #dead
                #vis enum #ty {
                    #(
                        #[doc = #variant_docs]
                        #variants,
                    )*
                }
            })
        })
        .collect()
}

/// The impls of the enumerated properties' types: `ALL`, `as_str`, `Default` (the property's
/// default) and `Display` (the spec's word).
pub(crate) fn impls(plan: &Plan<'_>) -> TokenStream {
    plan.properties
        .iter()
        .filter_map(|property| {
            let (ty, variants) = property.words.as_ref()?;
            let words = property.property.words();
            let default = match property.property.default {
                closecodes_spec::PropertyValue::Word(at) => variants.get(at)?,
                closecodes_spec::PropertyValue::Integer(_) => return None,
            };
            let default_doc = format!(
                " `{}`: the value of codes that set none.",
                property.property.written(property.property.default)
            );
            let as_str_doc = format!(
                " The value as the spec writes it: `{}` for [`Self::{}`].",
                words.first().map_or("", String::as_str),
                variants
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            );
            Some(quote! {
                impl #ty {
                    /// Every value, in the order the spec lists them.
                    pub const ALL: &'static [Self] = &[#(Self::#variants),*];

                    #[doc = #as_str_doc]
                    #[must_use]
                    pub const fn as_str(self) -> &'static ::core::primitive::str {
                        match self {
                            #(Self::#variants => #words,)*
                        }
                    }
                }

                #[automatically_derived]
                impl ::core::default::Default for #ty {
                    #[doc = #default_doc]
                    #[inline]
                    fn default() -> Self {
                        Self::#default
                    }
                }

                #[automatically_derived]
                impl ::core::fmt::Display for #ty {
                    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }
            })
        })
        .collect()
}

/// `CodeTable::PROPERTIES` (each declaration as the runtime's `Property`) and the trait's
/// `property_at`: an arm per property, through its getter.
pub(crate) fn code_table(plan: &Plan<'_>) -> (TokenStream, TokenStream) {
    let krate = plan.request.krate;
    let properties = plan.properties.iter().map(|property| {
        let p = property.property;
        let (name, description) = (&p.name, &p.description);
        let kind = match &p.kind {
            closecodes_spec::PropertyKind::Words(words) => {
                quote!(#krate::PropertyKind::Words(&[#(#words),*]))
            }
            closecodes_spec::PropertyKind::Integer(repr) => {
                let repr = repr.to_string();
                quote!(#krate::PropertyKind::Integer(#repr))
            }
        };
        let default = value(krate, p, p.default);
        quote!(#krate::Property { name: #name, description: #description, kind: #kind, default: #default })
    });
    let property_arms = plan.properties.iter().map(|property| {
        let (index, getter) = (proc_macro2::Literal::usize_unsuffixed(property.index), &property.getter);
        let value = if property.words.is_some() {
            quote!(#krate::PropertyValue::Word(self.#getter().as_str()))
        } else {
            quote!(#krate::PropertyValue::Integer(<::core::primitive::i64 as ::core::convert::From<_>>::from(self.#getter())))
        };
        quote!(#index => ::core::option::Option::Some(#value),)
    });
    let property_at = if plan.properties.is_empty() {
        quote! {
            #[inline]
            fn property_at(self, index: ::core::primitive::usize) -> ::core::option::Option<#krate::PropertyValue> {
                let _ = (self, index);
                ::core::option::Option::None
            }
        }
    } else {
        quote! {
            #[inline]
            fn property_at(self, index: ::core::primitive::usize) -> ::core::option::Option<#krate::PropertyValue> {
                match index {
                    #(#property_arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    };
    (quote!(&[#(#properties),*]), property_at)
}

/// `value` of `property` as the runtime's `PropertyValue`.
pub(crate) fn value(
    krate: &TokenStream,
    property: &closecodes_spec::Property,
    value: closecodes_spec::PropertyValue,
) -> TokenStream {
    match value {
        closecodes_spec::PropertyValue::Word(at) => {
            let word = property.words().get(at).map_or("", String::as_str);
            quote!(#krate::PropertyValue::Word(#word))
        }
        closecodes_spec::PropertyValue::Integer(n) => {
            let abs = syn::LitInt::new(
                &crate::code::Int(i128::from(n.unsigned_abs())).to_string(),
                proc_macro2::Span::call_site(),
            );
            let minus = (n < 0).then(|| quote!(-));
            quote!(#krate::PropertyValue::Integer(#minus #abs))
        }
    }
}
